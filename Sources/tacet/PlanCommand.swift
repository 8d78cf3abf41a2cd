import ArgumentParser

/// `tacet plan`.
struct PlanCommand: PlannedCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan continuing education for therapists: optimal, costed, scheduled. (Not available yet.)"
    )

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var arguments: [String] = []
}
