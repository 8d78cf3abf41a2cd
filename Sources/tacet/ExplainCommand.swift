import ArgumentParser
import TacetDocuments
import TacetTool

/// `tacet explain`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which requirements and rules apply to a workflow step or task, and why each passed or failed.",
        discussion: "Example: tacet explain inpatient-documentation Policies Curricula Examples --step draft-note"
    )

    @Argument(help: "The workflow: its name, or its file.")
    var workflow: String

    @Argument(help: "Files or directories holding the policy, framework and roster (default: the current directory).")
    var paths: [String] = []

    @Option(help: "Explain this step of the workflow.")
    var step: String?

    @Option(help: "Explain this task of the workflow's policy.")
    var task: String?

    @Option(help: "Judge exception expiry as of this date (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    func validate() throws {
        if (step == nil) == (task == nil) { throw ValidationError("give exactly one of --step ID and --task ID") }
    }

    func run() throws {
        let subject: TacetTool.ExplainCommand.Subject = if let step { .step(step) } else { .task(task ?? "") }
        try Terminal.finish(TacetTool.ExplainCommand.run(workflow: workflow, subject: subject,
                                                         paths: paths.isEmpty ? ["."] : paths, today: today ?? .today()))
    }
}
