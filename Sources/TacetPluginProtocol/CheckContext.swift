/// What a plugin knows about one document besides the document itself: the policy that governs it, the
/// framework and the roster. The same in protocol 1 and 2, so a plugin's check is written once.
public struct CheckContext: Sendable, Hashable {
    /// The negotiated protocol version of the call.
    public var protocolVersion: Int
    /// The resolved policy the document is checked against, when one applies.
    public var policy: JSONValue?
    /// The competency framework document, when one was loaded.
    public var framework: JSONValue?
    /// Every `Therapist` document loaded, as JSON.
    public var roster: [JSONValue]

    /// Creates a context.
    public init(protocolVersion: Int, policy: JSONValue? = nil, framework: JSONValue? = nil, roster: [JSONValue] = []) {
        self.protocolVersion = protocolVersion
        self.policy = policy
        self.framework = framework
        self.roster = roster
    }
}
