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
    var settingsForPluginCommands: PluginSettings {
        PluginSettings(directories: directories.isEmpty ? [PluginSettings.defaultDirectory] : directories,
                       options: options)
    }

    private var options: PluginRunOptions {
        PluginRunOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, failureSeverity: failureSeverity.severity,
                         hostEnvironment: ProcessInfo.processInfo.environment)
    }

    /// The settings, or nil when no plugin should run.
    var settings: PluginSettings? {
        if noPlugins { return nil }
        var chosen = directories
        if chosen.isEmpty {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: PluginSettings.defaultDirectory, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return nil }
            chosen = [PluginSettings.defaultDirectory]
        }
        return PluginSettings(directories: chosen, options: options)
    }
}
