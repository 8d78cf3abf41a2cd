/// A checker plugin that ran, with the rules its `describe` answer listed.
public struct PluginRules: Sendable, Hashable {
    /// The plugin's name: the prefix of its rule ids.
    public var name: String
    /// Its version, as it described itself.
    public var version: String
    /// Every rule it may report.
    public var rules: [RuleDescriptor]

    /// Creates a plugin's rule list.
    public init(name: String, version: String, rules: [RuleDescriptor]) {
        self.name = name
        self.version = version
        self.rules = rules
    }
}
