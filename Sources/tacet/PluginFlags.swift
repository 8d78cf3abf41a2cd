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

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if noPlugins, !directories.isEmpty { throw ValidationError("--no-plugins and --plugins contradict each other") }
    }

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
                                // Every command has refused an invalid TACET_HOME before it reads its plugin flags.
                                installation: try? Installation.locate(environment: environment, executable: Installation.currentExecutable()))
    }

    /// The settings for `plugin list` and `plugin test` in a run with `inputs` (nil: no project file): the
    /// whole search path, so that they say where they looked even when no folder exists.
    func settingsForPluginCommands(for inputs: RunInputs?) -> PluginSettings {
        PluginSettings(searchPath(for: inputs), options: options)
    }

    private var options: PluginRunOptions {
        PluginRunOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, failureSeverity: failureSeverity.severity,
                         hostEnvironment: ProcessInfo.processInfo.environment)
    }

    /// The settings for a check with `inputs`, or nil when no plugin should run (`--no-plugins`, or no
    /// plugin folder on the search path).
    func settings(for inputs: RunInputs) -> PluginSettings? {
        noPlugins ? nil : PluginSettings.forCheck(searchPath(for: inputs), options: options)
    }
}
