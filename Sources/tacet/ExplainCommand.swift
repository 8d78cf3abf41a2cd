import ArgumentParser
import TacetDocuments
import TacetTool

/// `tacet explain`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which requirements and rules apply to a workflow step or task, and why each passed or failed.",
        discussion: """
            Examples: tacet explain inpatient-documentation Policies Curricula Examples --step draft-note; \
            tacet explain Policies --task progress-note-drafting (a task needs no workflow: it is taken from the \
            only policy no other extends, or the one --policy names). A step is explained in sentences; \
            --trace shows the checker's trace instead.
            """
    )

    @Argument(help: "The workflow: its name, or its file. Optional with --task, whose paths may then come first.")
    var workflow: String?

    @Argument(help: "Files or directories holding the policy, framework and roster (default: what tacet.yaml names).")
    var paths: [String] = []

    @Option(help: "Explain this step of the workflow.")
    var step: String?

    @Option(help: "Explain this task of the workflow's policy (or of the policy --policy names).")
    var task: String?

    @Option(help: "With --task and no workflow: the policy whose task to explain, when several could apply.")
    var policy: String?

    @Option(help: "Judge exception expiry as of this date (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    @Flag(help: "With --step: show the checker's trace instead of sentences: every fact read, and each rule's condition evaluated part by part.")
    var trace = false

    func validate() throws {
        if (step == nil) == (task == nil) { throw ValidationError("give exactly one of --step ID and --task ID") }
        if step != nil, workflow == nil { throw ValidationError("--step needs the workflow the step belongs to") }
        if policy != nil, task == nil { throw ValidationError("--policy goes with --task") }
        if trace, step == nil { throw ValidationError("--trace goes with --step") }
    }

    func run() throws {
        let subject: TacetTool.ExplainCommand.Subject = if let step { .step(step) } else { .task(task ?? "") }
        // With no paths, a project in reach names what to load, and run adds the workflow's file to it, so that
        // `tacet explain teams/x/workflows/w.yaml --step s` also loads the policy w names; without a project, the
        // workflow argument is itself the path (`tacet explain Policies --task ID`).
        let inputs = try (paths.isEmpty ? ProjectInputs.project() : nil)
            ?? ProjectInputs.resolve(TacetTool.ExplainCommand.explicitPaths(workflow: workflow, paths: paths), usage: "tacet explain WORKFLOW PATH... --step ID")
        try Terminal.finish(TacetTool.ExplainCommand.run(workflow: workflow, subject: subject, paths: inputs.paths, policy: policy,
                                                         today: today ?? .today(), trace: trace))
    }
}
