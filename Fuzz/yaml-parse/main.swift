// Fuzz target yaml-parse: YAML bytes -> node tree under the production limits (YAMLLimits.default),
// then what every command does with a tree or an error: JSON Pointers back to each node, the JSON form
// (`tacet convert`, plugin requests) and the error rendered with its source line.
// Built and run by Scripts/fuzz.sh; not part of the package.
import TacetDiagnostics
import TacetYAML

private let parser = YAMLParser(limits: .default)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let renderer = DiagnosticRenderer(source: { _ in bytes })
    do {
        let root = try parser.parse(bytes)
        // Every node a finding could name must be found again by its pointer: findings are mapped to
        // lines and columns that way.
        var pending: [(node: Node, pointer: String)] = [(root, "")]
        while let (node, pointer) = pending.popLast() {
            guard let found = root.node(at: pointer), found.mark == node.mark else {
                fatalError("pointer '\(pointer)' does not lead back to the node at \(node.mark)")
            }
            switch node.content {
            case .scalar: continue
            case .sequence(let items):
                for (index, item) in items.enumerated() { pending.append((item, JSONPointer.appending(index, to: pointer))) }
            case .mapping(let entries):
                for entry in entries {
                    pending.append((entry.value, JSONPointer.appending(entry.key.scalar?.value ?? "", to: pointer)))
                }
            }
        }
        do {
            _ = try root.jsonText(pretty: true)
            _ = try root.jsonText(pretty: false)
        } catch {
            _ = renderer.render(error.diagnostic(file: "input.yaml"))
        }
    } catch {
        _ = renderer.render(error.diagnostic(file: "input.yaml"))
    }
    return 0
}
