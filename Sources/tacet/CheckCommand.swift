import ArgumentParser

/// `tacet check`.
struct CheckCommand: PlannedCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check workflows and learning plans against policy and competency levels. (Not available yet.)"
    )

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var arguments: [String] = []
}
