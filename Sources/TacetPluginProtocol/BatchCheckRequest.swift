/// What a plugin reads on standard input for `check` in protocol 2: the shared context once, then every
/// document of the batch (docs/plugin-protocol.md, "Protocol 2").
///
/// Protocol 1 sends one document per call with its policy, framework and roster; a run over 2,000 workflows
/// started 2,000 processes per plugin and sent the same context 2,000 times. Protocol 2 sends it once per call.
public struct BatchCheckRequest: Sendable, Hashable, Codable {
    /// The negotiated protocol version (2).
    public var protocolVersion: Int
    /// Every resolved policy a document of the batch names, by policy name.
    public var policies: [String: JSONValue]
    /// The competency framework document, when one was loaded.
    public var framework: JSONValue?
    /// Every `Therapist` document loaded, as JSON.
    public var roster: [JSONValue]
    /// The documents to check, in the order the response refers to by index.
    public var documents: [BatchDocument]

    /// Creates a batch check request.
    public init(protocolVersion: Int = 2, policies: [String: JSONValue] = [:], framework: JSONValue? = nil,
                roster: [JSONValue] = [], documents: [BatchDocument]) {
        self.protocolVersion = protocolVersion
        self.policies = policies
        self.framework = framework
        self.roster = roster
        self.documents = documents
    }
}
