import ArgumentParser
import TacetDiagnostics
import TacetDocuments
import TacetTool

/// `tacet check`.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check workflows against their policy and the team's competency levels.",
        discussion: """
            Loads every document under the paths (policies, framework, roster, workflows, exceptions) and \
            reports each finding with its rule, place, citations and fix. With no paths, loads what \
            tacet.yaml names (see tacet init). Checker plugins on the plugin search path (see --plugins) run over \
            the same documents. Exit 0 when no finding reaches \
            --fail-on, 1 when one does, 2 when the input is invalid.
            """
    )

    @Argument(help: "Files or directories to load (default: what tacet.yaml names, found here or in a folder above).")
    var paths: [String] = []

    @Option(help: """
        Output format: text, json, sarif, junit, github (Actions annotations) or markdown (a pull-request comment). \
        Default: tacet.yaml's format, else text.
        """)
    var format: OutputFormat?

    @Option(name: .customLong("link-base"), help: ArgumentHelp(
        "Prefix for file links in --format markdown, e.g. a repository's blob URL at the commit checked.",
        valueName: "url"))
    var linkBase: String?

    @Option(name: .customLong("fail-on"), help: "The lowest severity that fails the run: error, warning or info (default: tacet.yaml's failOn, else error).")
    var failOn: Severity?

    @Option(help: "Judge exception expiry as of this date (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    @OptionGroup(title: "Plugins")
    var plugins: PluginFlags

    func validate() throws {
        if linkBase != nil, let format, format != .markdown {
            throw ValidationError("--link-base only applies to --format markdown")
        }
    }

    func run() async throws {
        let date = today ?? .today()
        let inputs = try ProjectInputs.resolve(paths, usage: "tacet check PATH...")
        let format = format ?? inputs.format ?? .text
        if linkBase != nil, format != .markdown {
            throw ValidationError("--link-base only applies to --format markdown (tacet.yaml sets format: \(format.rawValue))")
        }
        try Terminal.finish(await TacetTool.CheckCommand.run(paths: inputs.paths, format: format, failOn: inputs.failOn(flag: failOn),
                                                             today: date, linkBase: linkBase, plugins: plugins.settings(for: inputs)))
    }
}
