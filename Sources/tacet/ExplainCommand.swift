import ArgumentParser

/// `tacet explain`.
struct ExplainCommand: PlannedCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which rules and requirements apply to a workflow step or task, and why. (Not available yet.)"
    )

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var arguments: [String] = []
}
