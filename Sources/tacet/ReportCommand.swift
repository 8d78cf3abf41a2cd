import ArgumentParser

/// `tacet report`.
struct ReportCommand: PlannedCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report for a team. (Not available yet.)"
    )

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var arguments: [String] = []
}
