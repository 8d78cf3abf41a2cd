import TacetDiagnostics
import TacetYAML

/// Collects the diagnostics of decoding one file, so a run reports every problem, not just the first.
public struct DecodingContext: Sendable {
    /// The file being decoded, as the user named it.
    public let file: String
    /// What has been found so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// The keys read from each finished mapping, when tracing; nil (the default) records nothing.
    public var trace: [MappingTrace]?

    /// Starts decoding `file`; `tracing` records every mapping's keys in ``trace``.
    public init(file: String, tracing: Bool = false) {
        self.file = file
        trace = tracing ? [] : nil
    }

    /// Whether any error has been recorded.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records an error at `node`.
    public mutating func error(_ code: DocumentErrorCode, _ message: String, at node: Node, pointer: String,
                               hint: String? = nil, notes: [DiagnosticNote] = []) {
        diagnostics.append(.error(code, message, at: node.mark.location(in: file), pointer: pointer,
                                  hint: hint, notes: notes))
    }

    /// Records an error for a value that should be one of `candidates`, suggesting the closest.
    public mutating func unknown(_ code: DocumentErrorCode, what: String, value: String, candidates: [String],
                                 at node: Node, pointer: String) {
        let hint = Suggestion.closest(to: value, in: candidates).map { "did you mean '\($0)'?" }
            ?? (candidates.count <= 12 && !candidates.isEmpty
                ? "expected one of: \(candidates.joined(separator: ", "))" : nil)
        error(code, "unknown \(what) '\(value)'", at: node, pointer: pointer, hint: hint)
    }

    /// Records a diagnostic as is.
    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}
