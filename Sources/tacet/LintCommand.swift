import ArgumentParser
import TacetDiagnostics
import TacetTool

/// `tacet lint`.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the policies themselves.",
        discussion: """
            Reports policy layers that loosen their base, conditions on unknown facts or with ill-typed \
            values, rules that can never hold or always hold, contains or matches tests with an empty value \
            (they only test that the fact is present), rules that make a task's allowance dead, \
            duplicate rule ids, tasks in unknown areas or without citations, rules that read a trainee, \
            credential or vendor-terms fact that no part of the policy sets, tools that may receive \
            client data without vendor terms (once the policy records terms for any tool), and \
            AI-at-Work statements and O*NET tasks of the framework that no task classifies. Include the \
            framework's folder in the paths for the last checks.
            """
    )

    @Argument(help: """
        Files or directories: the policies and, for area and classification checks, the framework (default: what \
        tacet.yaml names).
        """)
    var paths: [String] = []

    @Option(name: .customLong("fail-on"), help: "The lowest severity that fails the run: error, warning or info (default: tacet.yaml's failOn, else error).")
    var failOn: Severity?

    func run() throws {
        let inputs = try ProjectInputs.resolve(paths, usage: "tacet lint PATH...")
        try Terminal.finish(TacetTool.LintCommand.run(paths: inputs.paths, failOn: inputs.failOn(flag: failOn)))
    }
}
