/// A secondary message attached to a diagnostic, such as "first defined here".
public struct DiagnosticNote: Sendable, Hashable, Codable {
    /// What the note says.
    public var message: String
    /// Where it points, if anywhere.
    public var location: SourceLocation?

    /// Creates a note.
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
}
