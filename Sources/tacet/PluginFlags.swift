import ArgumentParser
import Foundation
import TacetDiagnostics
import TacetPluginHost
import TacetTool

/// The plugin flags `check` and `plugin` share.
struct PluginFlags: ParsableArguments {
    @Option(name: .customLong("plugins"),
            help: ArgumentHelp("A plugin directory (repeatable); when given, only these are searched.",
                               discussion: PluginFlags.searchPathHelp, valueName: "dir"))
    var directories: [String] = []

    @Flag(name: .customLong("no-plugins"), help: "Run no checker plugins.")
    var noPlugins = false

    // Optional so that the help states the default once, in words, not also as this machine's count.
    @Option(help: "Most plugin processes at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .customLong("plugin-failures"),
            help: ArgumentHelp("The severity of a plugin that fails (crash, timeout, bad output).", valueName: "error|warning"))
    var failureSeverity: PluginFailureSeverity = .error

    @Flag(name: .customLong("no-cache"),
          help: "Ask every plugin to describe itself afresh, neither reading nor writing the describe cache.")
    var noCache = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if noPlugins, !directories.isEmpty { throw ValidationError("--no-plugins and --plugins contradict each other") }
    }

    /// The describe cache, in words, for `plugin list`'s discussion.
    static let cacheHelp = """
        Plugins' describe answers are cached in $XDG_CACHE_HOME/tacet (default ~/.cache/tacet), keyed by the \
        SHA-256 of each plugin's manifest and executable, so editing either asks afresh; --no-cache bypasses the \
        cache, --refresh rewrites it (needed after rebuilding what a launcher script starts).
        """

    /// The search path, in words, for `--plugins`' help and the plugin commands' discussion.
    static let searchPathHelp = """
        Without --plugins, plugins are searched in this order: the project file's plugin folders, the Plugins \
        folder beside tacet.yaml (./Plugins without a project file), each folder in TACET_PLUGIN_PATH \
        (colon-separated), then the plugins shipped with tacet \
        (share/tacet/plugins beside its bin folder, or TACET_HOME's plugins). Of two plugins with one name the \
        earlier wins; plugin list shows the other as shadowed. A missing folder named with --plugins or in the \
        project file is an error; the others are skipped when missing.
        """

    /// The search path these flags give in a run with `inputs` (nil: no project file).
    private func searchPath(for inputs: RunInputs?) -> PluginSearchPath {
        let environment = ProcessInfo.processInfo.environment
        return PluginSearchPath(flags: directories, projectFolders: inputs?.projectPlugins ?? [], projectRoot: inputs?.projectRoot,
                                workingDirectory: FileManager.default.currentDirectoryPath, environment: environment,
                                // Without a project file nothing has located it yet; every command has refused an invalid
                                // TACET_HOME before it reads its plugin flags.
                                installation: inputs.map(\.installation)
                                    ?? (try? Installation.locate(environment: environment, executable: Installation.currentExecutable())))
    }

    /// The settings for `plugin list` and `plugin test` in a run with `inputs` (nil: no project file): the
    /// whole search path, so that they say where they looked even when no folder exists. `refreshCache` asks
    /// every plugin afresh and rewrites its describe cache entry (`plugin list --refresh`).
    func settingsForPluginCommands(for inputs: RunInputs?, refreshCache: Bool = false) -> PluginSettings {
        PluginSettings(searchPath(for: inputs), options: options(cacheMode: refreshCache ? .refresh : .use))
    }

    private func options(cacheMode: DescribeCache.Mode = .use) -> PluginRunOptions {
        let environment = ProcessInfo.processInfo.environment
        // No cache folder (neither XDG_CACHE_HOME nor HOME set) is no cache, not an error.
        let cache = noCache ? nil : DescribeCache.directory(environment: environment).map { DescribeCache(directory: $0, mode: cacheMode) }
        return PluginRunOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, failureSeverity: failureSeverity.severity,
                                hostEnvironment: environment, describeCache: cache)
    }

    /// The settings for a check with `inputs`, or nil when no plugin should run (`--no-plugins`, or no
    /// plugin folder on the search path).
    func settings(for inputs: RunInputs) -> PluginSettings? {
        noPlugins ? nil : PluginSettings.forCheck(searchPath(for: inputs), options: options())
    }
}
