/// The document a check request is about.
public struct RequestDocument: Sendable, Hashable, Codable {
    /// Its path as the user named it (relative to the working directory when they did).
    public var file: String
    /// Its kind (`Workflow`, `LearningPlan`, ...).
    public var kind: String
    /// Its `metadata.name`.
    public var name: String
    /// The whole document as JSON; findings point into this value.
    public var content: JSONValue

    /// Creates a request document.
    public init(file: String, kind: String, name: String, content: JSONValue) {
        self.file = file
        self.kind = kind
        self.name = name
        self.content = content
    }
}
