import ArgumentParser

/// `tacet plugin`.
struct PluginCommand: PlannedCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "List and test checker plugins. (Not available yet.)"
    )

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var arguments: [String] = []
}
