/// A rule a plugin may report, as its `describe` response lists it.
public struct PluginRule: Sendable, Hashable, Codable {
    /// The rule id: `PLUGIN-NAME/slug` (see ``PluginProtocol/isValidRuleID(_:plugin:)``).
    public var id: String
    /// The severity the rule usually reports with.
    public var severity: FindingSeverity
    /// One sentence saying what the rule looks for.
    public var summary: String
    /// How to fix what it finds, when there is one general answer.
    public var hint: String?
    /// Sources that ground the rule (citation ids of the policy, or URLs).
    public var citations: [String]?

    /// Creates a rule description.
    public init(id: String, severity: FindingSeverity, summary: String, hint: String? = nil, citations: [String]? = nil) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.hint = hint
        self.citations = citations
    }
}
