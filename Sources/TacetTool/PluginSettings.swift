import TacetPluginHost

/// Which plugins a command runs, and how.
public struct PluginSettings: Sendable {
    /// The plugin search path: folders holding `NAME/plugin.yaml` folders, earlier first.
    public var directories: [PluginDirectory]
    /// How to run them.
    public var options: PluginRunOptions

    /// Settings that search exactly `directories`, as `--plugins` names them (each must exist).
    public init(directories: [String], options: PluginRunOptions) {
        self.init(searching: directories.map { PluginDirectory($0, origin: .flag) }, options: options)
    }

    /// Settings that search `directories` in order.
    public init(searching directories: [PluginDirectory], options: PluginRunOptions) {
        self.directories = directories
        self.options = options
    }

    /// Settings that search `searchPath`.
    package init(_ searchPath: PluginSearchPath, options: PluginRunOptions) {
        self.init(searching: searchPath.directories, options: options)
    }

    /// The settings for a check on `searchPath`, or nil when it holds no folder at all (nothing named,
    /// nothing found by default): then no plugin runs, as with `--no-plugins`, and exceptions for plugin
    /// rules are left alone.
    package static func forCheck(_ searchPath: PluginSearchPath, options: PluginRunOptions) -> PluginSettings? {
        searchPath.hasFolders ? PluginSettings(searchPath, options: options) : nil
    }
}
