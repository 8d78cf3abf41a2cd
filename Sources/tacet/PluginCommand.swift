import ArgumentParser
import TacetTool

/// `tacet plugin`.
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "List and test checker plugins.",
        discussion: "Plugins are folders NAME/ with a plugin.yaml; see docs/plugin-protocol.md. " + PluginFlags.searchPathHelp,
        subcommands: [PluginListCommand.self, PluginTestCommand.self]
    )
}

/// `tacet plugin list`.
struct PluginListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show every plugin, whether its manifest is valid, and the rules it describes.",
        discussion: "The list ends with the plugins shadowed by one of the same name earlier in the search path (see --plugins), "
            + "and the folders searched. " + PluginFlags.cacheHelp
    )

    @Flag(help: "Ask every plugin to describe itself afresh and rewrite its describe cache entry.")
    var refresh = false

    @OptionGroup(title: "Plugins")
    var plugins: PluginFlags

    func validate() throws {
        if refresh, plugins.noCache { throw ValidationError("--refresh and --no-cache contradict each other") }
    }

    func run() async throws {
        // Only the project's plugin folders matter here: no tacet.yaml in reach is no error for listing plugins.
        let inputs = try ProjectInputs.project()
        try Terminal.finish(await TacetTool.PluginListCommand.run(plugins.settingsForPluginCommands(for: inputs, refreshCache: refresh)))
    }
}

/// `tacet plugin test`.
struct PluginTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run one plugin on sample documents and validate its answers against the protocol's schemas.",
        discussion: """
            Documents of the plugin's kinds are checked; other documents among the paths (policies, the \
            framework, therapists) fill the request's context. Exit 0 when every answer follows the \
            protocol, 1 when one does not, 2 for invalid input (a missing plugin folder or an invalid manifest \
            included, as for check) or an unknown plugin.
            """
    )

    @Argument(help: "The plugin's name.")
    var name: String

    @Argument(help: "Documents (files or folders) to check (default: what tacet.yaml names).")
    var paths: [String] = []

    @OptionGroup(title: "Plugins")
    var plugins: PluginFlags

    func run() async throws {
        let inputs = try ProjectInputs.resolve(paths, usage: "tacet plugin test \(name) PATH...")
        try Terminal.finish(await TacetTool.PluginTestCommand.run(name: name, paths: inputs.paths,
                                                                  settings: plugins.settingsForPluginCommands(for: inputs)))
    }
}
