import ArgumentParser
import TacetDiagnostics
import TacetDocuments
import TacetTool

/// `tacet notice`.
struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Write the client AI notice and consent form for workflows (HTML or Markdown).",
        discussion: """
            Checks the paths like `tacet check` (plugins included) and writes, for the workflows among \
            them, the form a client reads and signs: each AI use in plain words (what it does, what data \
            leaves the clinic and to whom, who checks it), what people do without AI, the right to say \
            no and to change one's mind, whom to ask (the policy's notice.contact), and signature lines \
            (guardian and assent where the policy's notice asks for them or a workflow's clients are minors \
            or cannot consent alone). A workflow that breaks the \
            policy is refused: no file is written, its findings are printed and the exit status is 1. \
            Exit 2 when the input is invalid or no workflow is among the paths.
            Example: tacet notice Policies Curricula Examples/pediatrics/therapists \
            Examples/pediatrics/workflows/outcome-analytics.yaml --output notice.html
            """
    )

    @Argument(help: "Files or directories to load (default: what tacet.yaml names, found here or in a folder above).")
    var paths: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("The file to write: .html, or .md for Markdown.", valueName: "file"))
    var output: String

    @Option(help: "Date the notice and judge exception expiry as of this day (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    @OptionGroup(title: "Plugins")
    var plugins: PluginFlags

    func validate() throws {
        if PlainOutput.isMarkdown(output) == nil {
            throw ValidationError("--output must name an .html or .md file (e.g. --output notice.html)")
        }
    }

    func run() async throws {
        let inputs = try ProjectInputs.resolve(paths, usage: "tacet notice PATH... --output FILE")
        try Terminal.finish(await TacetTool.NoticeCommand.run(paths: inputs.paths, output: output, today: today ?? .today(),
                                                              plugins: plugins.settings(for: inputs),
                                                              alsoRead: inputs.projectFile.map { [$0] } ?? []))
    }
}
