/// What a plugin answers to `describe`: who it is, which protocol versions and document kinds it
/// handles, and every rule it may report.
public struct DescribeResponse: Sendable, Hashable, Codable {
    /// The plugin's name; must equal its manifest's.
    public var name: String
    /// Its semantic version.
    public var version: String
    /// Protocol versions it speaks.
    public var protocols: [Int]
    /// Document kinds it checks (`Workflow`, `LearningPlan`, ...).
    public var kinds: [String]
    /// Every rule it may report; a finding under any other rule is a plugin failure.
    public var rules: [PluginRule]

    /// Creates a describe response.
    public init(name: String, version: String, protocols: [Int] = PluginProtocol.versions, kinds: [String], rules: [PluginRule]) {
        self.name = name
        self.version = version
        self.protocols = protocols
        self.kinds = kinds
        self.rules = rules
    }
}
