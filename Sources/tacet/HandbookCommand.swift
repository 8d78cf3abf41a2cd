import ArgumentParser
import TacetDiagnostics
import TacetDocuments
import TacetTool

/// `tacet handbook`.
struct HandbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Write the staff AI-use handbook of a team's policy (HTML or Markdown).",
        discussion: """
            Loads the paths like `tacet check` and writes the policy in force for the team in plain \
            words: for each task what AI may and may not do, who reviews and at what level, consent and \
            disclosure, which data may go to which approved tool, and the training needed; the team's \
            differences from the organisation's policy; the rules; the sources of every entry and the \
            clinic's own assumptions. An .html file is one self-contained page (no scripts, prints \
            cleanly); an .md file is Markdown for a wiki. Written atomically, never over an input. \
            Exit 0 when written, 2 when the input or the policy is invalid or no policy fits.
            Example: tacet handbook Policies Curricula --team pediatrics --output handbook.html
            """
    )

    @Argument(help: "Files or directories to load (default: what tacet.yaml names, found here or in a folder above).")
    var paths: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("The file to write: .html, or .md for Markdown.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The team whose policy to describe (its layer's metadata.team, or a policy name); "
                               + "default: the organisation's policy.", valueName: "name"))
    var team: String?

    @Option(help: "Date the handbook as of this day (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    func validate() throws {
        if PlainOutput.isMarkdown(output) == nil {
            throw ValidationError("--output must name an .html or .md file (e.g. --output handbook.html)")
        }
    }

    func run() async throws {
        let inputs = try ProjectInputs.resolve(paths, usage: "tacet handbook PATH... --output FILE")
        try Terminal.finish(await TacetTool.HandbookCommand.run(paths: inputs.paths, output: output, team: team, today: today ?? .today(),
                                                                alsoRead: inputs.projectFile.map { [$0] } ?? []))
    }
}
