import TacetDiagnostics

/// What plugin discovery found: the plugins ready to run and the problems with the others.
public struct PluginCatalog: Sendable {
    /// Valid plugins in name order.
    public var plugins: [DiscoveredPlugin]
    /// Problems with manifests and folders; an error here makes the run's input invalid.
    public var problems: [Diagnostic]
    /// Manifest bytes by path, so problems can show their source line.
    public var sources: [String: [UInt8]]
    /// Plugins not run because one of the same name comes earlier in the search path, in name order.
    public var shadowed: [ShadowedPlugin] = []
    /// The folders searched, in order: those that exist, each once.
    public var searched: [PluginDirectory] = []

    /// Creates a catalog.
    public init(plugins: [DiscoveredPlugin] = [], problems: [Diagnostic] = [], sources: [String: [UInt8]] = [:]) {
        self.plugins = plugins
        self.problems = problems
        self.sources = sources
    }
}
