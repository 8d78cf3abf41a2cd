import TacetPluginProtocol

/// A plugin that answered `describe` acceptably: its rules and the protocol version both speak.
public struct DescribedPlugin: Sendable {
    /// The plugin.
    public var plugin: DiscoveredPlugin
    /// Its describe response.
    public var description: DescribeResponse
    /// The negotiated protocol version.
    public var version: Int
    /// Its rules by id.
    public var rules: [String: PluginRule]

    /// The document kinds to send it: those both its manifest and its response name.
    public var kinds: Set<String> {
        Set(plugin.manifest.kinds.map(\.rawValue)).intersection(description.kinds)
    }
}
