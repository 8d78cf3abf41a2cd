import ArgumentParser

/// `tacet test`.
struct TestCommand: PlannedCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run PolicyTest cases and report mismatches and rule coverage. (Not available yet.)"
    )

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var arguments: [String] = []
}
