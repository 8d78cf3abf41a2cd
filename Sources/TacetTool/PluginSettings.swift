import TacetPluginHost

/// Which plugins a command runs, and how.
public struct PluginSettings: Sendable {
    /// Plugin directories, each holding `NAME/plugin.yaml` folders.
    public var directories: [String]
    /// How to run them.
    public var options: PluginRunOptions

    /// Creates settings.
    public init(directories: [String], options: PluginRunOptions) {
        self.directories = directories
        self.options = options
    }

    /// The directory used when no `--plugins` is given, if it exists.
    public static let defaultDirectory = "Plugins"
}
