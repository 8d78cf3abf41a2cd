import ArgumentParser

/// `tacet lint`.
struct LintCommand: PlannedCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the policies themselves: references, dead or contradictory rules, unclassified tasks. (Not available yet.)"
    )

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var arguments: [String] = []
}
