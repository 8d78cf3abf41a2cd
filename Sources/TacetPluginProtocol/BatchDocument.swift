/// One document of a protocol 2 check request, with the name of the policy that governs it.
public struct BatchDocument: Sendable, Hashable, Codable {
    /// Its path as the user named it (relative to the working directory when they did).
    public var file: String
    /// Its kind (`Workflow`, `LearningPlan`, ...).
    public var kind: String
    /// Its `metadata.name`.
    public var name: String
    /// The whole document as JSON; findings point into this value.
    public var content: JSONValue
    /// The key in the request's `policies` of the policy this document is checked against, or nil when none
    /// applies (the same policy protocol 1 sends as `policy`).
    public var policy: String?

    /// Creates a batch document.
    public init(file: String, kind: String, name: String, content: JSONValue, policy: String? = nil) {
        self.file = file
        self.kind = kind
        self.name = name
        self.content = content
        self.policy = policy
    }

    /// The same document as protocol 1 names it (without its policy's name).
    public var requestDocument: RequestDocument {
        RequestDocument(file: file, kind: kind, name: name, content: content)
    }
}
