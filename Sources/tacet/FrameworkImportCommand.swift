import ArgumentParser
import TacetTool

/// `tacet framework import`.
struct FrameworkImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a competency framework JSON export into a Framework document."
    )

    @Argument(help: "The JSON export (schemaVersion 1.0).")
    var file: String

    @Option(name: .shortAndLong, help: "Write the YAML here (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        try Terminal.finish(TacetTool.FrameworkImportCommand.run(input: file, output: output))
    }
}
