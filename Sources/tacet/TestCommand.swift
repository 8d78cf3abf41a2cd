import ArgumentParser
import TacetDocuments
import TacetTool

/// `tacet test`.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run PolicyTest cases: each case's inputs against its policy, compared with the findings it expects.",
        discussion: "Fails when a case fails or when no case ran. Example: tacet test Policies --coverage --threshold 100"
    )

    @Argument(help: "Files or directories holding the policies and their PolicyTest documents (default: what tacet.yaml names).")
    var paths: [String] = []

    @Flag(help: "List the rules and requirements no passing case exercises.")
    var coverage = false

    @Option(help: "Fail when coverage is below this percentage.")
    var threshold: Double?

    @Option(help: "Judge exception expiry as of this date (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    func validate() throws {
        if let threshold, !(0...100).contains(threshold) { throw ValidationError("--threshold takes a percentage from 0 to 100") }
    }

    func run() throws {
        try Terminal.finish(TacetTool.TestCommand.run(paths: ProjectInputs.resolve(paths, usage: "tacet test PATH...").paths, coverage: coverage, threshold: threshold,
                                                      today: today ?? .today()))
    }
}
