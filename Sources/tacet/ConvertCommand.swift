import ArgumentParser
import TacetTool

/// `tacet convert`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Print a YAML document as the JSON plugins receive.",
        discussion: "Mappings keep key order; core-schema nulls, booleans and numbers become JSON literals."
    )

    @Argument(help: "The YAML file.")
    var file: String

    @Flag(help: "Print on one line.")
    var compact = false

    func run() throws {
        try Terminal.finish(TacetTool.ConvertCommand.run(file: file, pretty: !compact))
    }
}
