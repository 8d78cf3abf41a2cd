import ArgumentParser
import Foundation
import TacetDocuments
import TacetTool

/// `tacet diff`.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a policy change does to a team: policy changes, findings added and removed, plans that change.",
        discussion: """
            BASE and HEAD are the policies before and after the change: each a folder of policies, a policy \
            file, or a git revision of the repository you are in (read with git). The paths are the team's workflows, roster, \
            plans and the rest, checked once with each side's policies, as tacet check does. Exit 0 when the \
            change adds no error, 1 when it does, 2 when the input is invalid or a revision cannot be read.
            A folder or file of that name wins over a revision: where a folder named main or HEAD exists, write \
            the revision as refs/heads/main, or @ for HEAD.
            Example: tacet diff main HEAD Policies Curricula Examples --format markdown
            """
    )

    @Argument(help: "The policies before the change: a folder or policy file, or a git revision (main, HEAD~1) when no file has that name.")
    var base: String

    @Argument(help: "The policies after the change: a folder or policy file, or a git revision (HEAD) when no file has that name.")
    var head: String

    @Argument(help: "Files or directories to load (default: what tacet.yaml names).")
    var paths: [String] = []

    @Option(help: "Output format: text, json or markdown (a pull-request comment).")
    var format: TacetTool.DiffCommand.Format = .text

    @Option(help: "Judge exceptions and training as of this date (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    @OptionGroup(title: "Plugins")
    var plugins: PluginFlags

    func run() async throws {
        let inputs = try ProjectInputs.resolve(paths, usage: "tacet diff BASE HEAD PATH...")
        try Terminal.finish(await TacetTool.DiffCommand.run(base: base, head: head, paths: inputs.paths, format: format,
                                                            today: today ?? .today(), plugins: plugins.settings(for: inputs)))
    }
}
