/// An error that carries one or more diagnostics, thrown where a layer cannot go on.
public struct DiagnosticError: Error, Sendable, Hashable {
    /// What went wrong; never empty.
    public var diagnostics: [Diagnostic]

    /// Wraps diagnostics in an error.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Wraps one diagnostic in an error.
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
}
