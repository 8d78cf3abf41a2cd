/// A checker plugin that ran, with the rules its `describe` answer listed.
package struct PluginRules: Sendable, Hashable {
    /// The plugin's name: the prefix of its rule ids.
    package var name: String
    /// Its version, as it described itself.
    package var version: String
    /// Every rule it may report.
    package var rules: [RuleDescriptor]

    /// Creates a plugin's rule list.
    package init(name: String, version: String, rules: [RuleDescriptor]) {
        self.name = name
        self.version = version
        self.rules = rules
    }
}
