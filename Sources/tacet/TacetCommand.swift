import ArgumentParser
import TacetTool

/// The `tacet` command: maps flags to ``TacetTool`` calls and prints their outcomes.
@main
struct TacetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tacet",
        abstract: "Check music therapy teams' AI use and continuing education against policy.",
        discussion: """
            Exit status: 0 when all is well, 1 when findings reach --fail-on, 2 when input is invalid \
            or cannot be read.
            """,
        version: TacetVersion.current,
        subcommands: [
            CheckCommand.self, ValidateCommand.self, LintCommand.self, ExplainCommand.self, TestCommand.self,
            PlanCommand.self, ReportCommand.self, ConvertCommand.self, FrameworkCommand.self, PluginCommand.self,
        ]
    )
}
