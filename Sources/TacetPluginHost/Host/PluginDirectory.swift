/// One folder of the plugin search path, each holding `NAME/plugin.yaml` folders.
///
/// Where the folder was named decides what its absence means: a folder the user named (`--plugins`,
/// the project file) must exist; the folders searched by default are skipped when missing.
public struct PluginDirectory: Sendable, Equatable {
    /// Where a folder on the search path comes from, in the search path's order.
    public enum Origin: String, Sendable, Equatable {
        /// `--plugins DIR`.
        case flag = "--plugins"
        /// The project file's plugin folders.
        case project = "project file"
        /// `./Plugins` in the working directory.
        case workingDirectory = "./Plugins"
        /// An entry of `TACET_PLUGIN_PATH`.
        case environment = "TACET_PLUGIN_PATH"
        /// The plugins shipped with this `tacet` (`share/tacet/plugins`, or its source tree's `Plugins`).
        case shipped = "shipped"
    }

    /// The folder, as named (relative to the working directory when not absolute).
    public var path: String
    /// Where it was named.
    public var origin: Origin

    /// Creates a search-path folder.
    public init(_ path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// Whether a missing folder is an input error: the user named it.
    public var isRequired: Bool { origin == .flag || origin == .project }

    /// What to do about a missing required folder.
    var missingHint: String {
        origin == .project ? "create it, or remove it from plugins: in tacet.yaml"
            : "pass an existing folder to --plugins, or --no-plugins"
    }
}
