/// What a plugin reads on standard input for `check`.
public struct CheckRequest: Sendable, Hashable, Codable {
    /// The negotiated protocol version.
    public var protocolVersion: Int
    /// The document to check.
    public var document: RequestDocument
    /// The resolved policy the document is checked against, when one applies (see docs/plugin-protocol.md).
    public var policy: JSONValue?
    /// The competency framework document, when one was loaded.
    public var framework: JSONValue?
    /// Every `Therapist` document loaded, as JSON.
    public var roster: [JSONValue]

    /// Creates a check request.
    public init(protocolVersion: Int, document: RequestDocument, policy: JSONValue? = nil, framework: JSONValue? = nil,
                roster: [JSONValue] = []) {
        self.protocolVersion = protocolVersion
        self.document = document
        self.policy = policy
        self.framework = framework
        self.roster = roster
    }
}
