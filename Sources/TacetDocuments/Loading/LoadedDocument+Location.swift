import TacetDiagnostics
import TacetYAML

extension LoadedDocument {
    /// Where `pointer` is in the file: its node's mark, or the nearest enclosing node's when the
    /// pointer names something absent (such as a missing key).
    public func location(of pointer: String) -> SourceLocation {
        var current = pointer
        while true {
            if let node = root.node(at: current) { return node.mark.location(in: file) }
            guard let slash = current.lastIndex(of: "/") else { return root.mark.location(in: file) }
            current = String(current[..<slash])
        }
    }
}
