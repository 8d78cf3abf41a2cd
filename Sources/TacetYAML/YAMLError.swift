import TacetDiagnostics

/// A YAML problem at a position, convertible to a ``Diagnostic`` once the file name is known.
public struct YAMLError: Error, Sendable, Hashable {
    /// The kind of problem.
    public var code: YAMLErrorCode
    /// One sentence saying what is wrong.
    public var message: String
    /// Where it is.
    public var mark: Mark
    /// How to fix it, when known.
    public var hint: String?
    /// Related positions, such as where a duplicated key was first written.
    public var notes: [(message: String, mark: Mark)]

    /// Creates an error.
    public init(_ code: YAMLErrorCode, _ message: String, at mark: Mark, hint: String? = nil,
                notes: [(message: String, mark: Mark)] = []) {
        self.code = code
        self.message = message
        self.mark = mark
        self.hint = hint
        self.notes = notes
    }

    /// The error as a diagnostic in `file`.
    public func diagnostic(file: String) -> Diagnostic {
        .error(code, message, at: mark.location(in: file), hint: hint,
               notes: notes.map { DiagnosticNote($0.message, at: $0.mark.location(in: file)) })
    }

    public static func == (lhs: YAMLError, rhs: YAMLError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.mark == rhs.mark && lhs.hint == rhs.hint
            && lhs.notes.map(\.message) == rhs.notes.map(\.message) && lhs.notes.map(\.mark) == rhs.notes.map(\.mark)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(mark)
    }
}
