import ArgumentParser
import TacetDiagnostics
import TacetDocuments
import TacetTool

/// `tacet report`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report for a team.",
        discussion: """
            Checks the paths like `tacet check` (plugins included) and writes one HTML file that needs \
            nothing beside it: the summary, the findings by workflow and severity with the policy's \
            rationale and sources, the competency heat map of the roster, and each therapist's learning \
            plan across the cycle. The file is written atomically and never over an input. Exit 0 when \
            the report is written, 2 when the input is invalid (the report is still written and lists \
            the problems) or the file cannot be written. With --plan, every therapist without a learning \
            plan gets one from the planner `tacet plan` uses, shown on the page as proposed.
            Example: tacet report Policies Curricula Examples --output report.html --plan
            """
    )

    @Argument(help: "Files or directories to load (default: what tacet.yaml names, found here or in a folder above).")
    var paths: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Option(name: .customLong("fail-on"), help: """
        The lowest severity the summary counts as failing: error, warning or info (default: tacet.yaml's failOn, else error).
        """)
    var failOn: Severity?

    @Option(help: "Date the report and judge exception expiry as of this day (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    @Flag(help: "Plan every therapist who has no learning plan, as `tacet plan` would, and show the plan on the page.")
    var plan = false

    @Option(help: ArgumentHelp("Link each finding's task to its entry in this staff handbook (tacet handbook's HTML), "
                               + "as a link from the report's folder.", valueName: "link"))
    var handbook: String?

    @Option(name: .customLong("time-limit"), help: ArgumentHelp(
        "With --plan: seconds per therapist before the best plan found is shown, unproven.", valueName: "seconds"))
    var timeLimit = TacetTool.PlanCommand.defaultTimeLimit

    @Flag(name: .customLong("allow-below-level"), help: ArgumentHelp(
        "With --plan: let plans use courses whose every outcome is at or below the therapist's current level."))
    var allowBelowLevel = false

    @OptionGroup(title: "Plugins")
    var plugins: PluginFlags

    func validate() throws {
        if output.hasSuffix(".yaml") || output.hasSuffix(".yml") {
            throw ValidationError("--output names a YAML file; the report is HTML (e.g. --output report.html)")
        }
        if !(timeLimit > 0) { throw ValidationError("--time-limit must be more than 0 seconds") }
    }

    func run() async throws {
        let inputs = try ProjectInputs.resolve(paths, usage: "tacet report PATH... --output FILE")
        try Terminal.finish(await TacetTool.ReportCommand.run(paths: inputs.paths, output: output, today: today ?? .today(),
                                                              failOn: inputs.failOn(flag: failOn),
                                                              plugins: plugins.settings(for: inputs), plan: plan,
                                                              timeLimit: timeLimit, allowBelowLevel: allowBelowLevel, alsoRead: inputs.projectFile.map { [$0] } ?? [],
                                                              handbook: handbook))
    }
}
