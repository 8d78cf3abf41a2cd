import TacetDiagnostics
import TacetYAML

/// Checks that ids in a list are unique, reporting each repeat with where the id was first used.
enum UniqueIDs {
    static func check<T>(_ items: [T], id: (T) -> String, pointer: (T) -> String, what: String,
                         root: Node, in context: inout DecodingContext) {
        var seen: [String: String] = [:]
        for item in items {
            let key = id(item)
            let here = pointer(item)
            if let first = seen[key] {
                let node = root.node(at: JSONPointer.appending("id", to: here)) ?? root.node(at: here) ?? root
                let firstMark = (root.node(at: JSONPointer.appending("id", to: first)) ?? root.node(at: first))?.mark
                context.error(.duplicateID, "duplicate \(what) id '\(key)'", at: node, pointer: here,
                              notes: [DiagnosticNote("first used here", at: firstMark?.location(in: context.file))])
            } else {
                seen[key] = here
            }
        }
    }
}
