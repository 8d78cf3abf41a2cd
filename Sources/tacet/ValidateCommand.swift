import ArgumentParser
import TacetTool

/// `tacet validate`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load documents and report every problem in them.",
        discussion: "Exit 0 when every document is valid, 2 otherwise."
    )

    @Argument(help: "Files or directories; directories are searched for .yaml and .yml files (default: what tacet.yaml names).")
    var paths: [String] = []

    func run() throws {
        try Terminal.finish(TacetTool.ValidateCommand.run(paths: ProjectInputs.resolve(paths, usage: "tacet validate PATH...").paths))
    }
}
