import ArgumentParser
import Foundation
import TacetDiagnostics
import TacetPluginHost
import TacetTool

/// The plugin flags `check` and `plugin` share.
struct PluginFlags: ParsableArguments {
    @Option(name: .customLong("plugins"),
            help: "A plugin directory (repeatable). Default: ./Plugins when it exists.")
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

    /// The settings for `plugin list` and `plugin test`: the default directory even when it is
    /// missing, so that the user hears about it.
    func settingsForPluginCommands(for inputs: RunInputs?) -> PluginSettings {
        let chosen = directories.isEmpty ? Self.projectDirectories(inputs) ?? [PluginSettings.defaultDirectory] : directories
        return PluginSettings(directories: chosen, options: options)
    }

    /// The project's plugin folders, when tacet.yaml names some.
    ///
    /// ISSUE 16, item 3 (plugin search path) REWIRES THIS: until `PluginSearchPath` is merged, the
    /// project's folders take the place of `./Plugins` exactly as `--plugins` folders do; the search path
    /// takes them as its parameter instead (after `--plugins`, before `./Plugins`, `TACET_PLUGIN_PATH`
    /// and the installed plugins).
    private static func projectDirectories(_ inputs: RunInputs?) -> [String]? {
        guard let folders = inputs?.projectPlugins, !folders.isEmpty else { return nil }
        return folders
    }

    private var options: PluginRunOptions {
        PluginRunOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, failureSeverity: failureSeverity.severity,
                         hostEnvironment: ProcessInfo.processInfo.environment)
    }

    /// The settings for a run with `inputs`, or nil when no plugin should run.
    func settings(for inputs: RunInputs) -> PluginSettings? {
        if noPlugins { return nil }
        var chosen = directories.isEmpty ? Self.projectDirectories(inputs) ?? [] : directories
        if chosen.isEmpty {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: PluginSettings.defaultDirectory, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return nil }
            chosen = [PluginSettings.defaultDirectory]
        }
        return PluginSettings(directories: chosen, options: options)
    }
}
