import ArgumentParser
import TacetDocuments
import TacetTool

/// `tacet plan`.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan continuing education: the cheapest courses that close each therapist's gaps and meet recertification.",
        discussion: """
            Gaps are each therapist's targets and the review levels the policy requires for the workflow \
            steps they review. The plan meets the cycle's credits and minimums, prerequisites, entry levels \
            and yearly budgets; it is optimal (cost, then hours), not greedy. It leaves out courses whose \
            every outcome is at or below the therapist's current level (courses toward a minimum not yet \
            met, such as ethics, courses without a level outcome and required training stay), unless --allow-below-level. \
            Exit 1 when some therapist has no feasible plan, with the constraint that fails and by how much.
            Example: tacet plan --team Examples/pediatrics --in Policies --in Curricula --output plans
            """
    )

    @Argument(help: "Therapist roster ids (with none and no --team: every therapist loaded).")
    var therapists: [String] = []

    @Option(help: "Plan every therapist under this folder.")
    var team: String?

    @Option(name: .customLong("in"), help: "Files or folders to load: policies, curricula, workflows, roster (default: what tacet.yaml names).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Write each plan to DIR/ID-plan.yaml (atomically).")
    var output: String?

    @Option(help: "Output format: text, yaml or json.")
    var format: TacetTool.PlanCommand.Format = .text

    @Option(help: "Plan from this date (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    @Option(name: .customLong("time-limit"), help: ArgumentHelp(
        "Seconds per therapist before reporting the best plan found, unproven, with the solver's bound.", valueName: "seconds"))
    var timeLimit = TacetTool.PlanCommand.defaultTimeLimit

    @Flag(name: .customLong("allow-below-level"), help: ArgumentHelp(
        "Let plans use courses whose every outcome is at or below the therapist's current level (left out by default)."))
    var allowBelowLevel = false

    func validate() throws {
        if !(timeLimit > 0) { throw ValidationError("--time-limit must be more than 0 seconds") }
    }

    func run() throws {
        let inputs = try ProjectInputs.resolve(paths, usage: "tacet plan [ID...] --in PATH...")
        try Terminal.finish(TacetTool.PlanCommand.run(therapists: therapists, team: team, paths: inputs.paths,
                                                      output: output, format: format, today: today ?? .today(),
                                                      timeLimit: timeLimit, allowBelowLevel: allowBelowLevel))
    }
}
