import ArgumentParser
import Foundation
import TacetTool

/// The `tacet` command: maps flags to ``TacetTool`` calls and prints their outcomes.
@main
struct TacetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tacet",
        abstract: "Check music therapy teams' AI use and continuing education against policy.",
        discussion: """
            Exit status: 0 when all is well, 1 when findings reach --fail-on, 2 when input is invalid \
            or cannot be read.
            """,
        version: TacetVersion.current,
        subcommands: [
            InitCommand.self, CheckCommand.self, ValidateCommand.self, LintCommand.self, ExplainCommand.self, TestCommand.self,
            PlanCommand.self, ReportCommand.self, DiffCommand.self, HandbookCommand.self, NoticeCommand.self,
            ConvertCommand.self, FrameworkCommand.self, PluginCommand.self, LSPCommand.self,
        ]
    )

    /// Runs the command; a usage error exits 2, like any other invalid input (argument-parser's own
    /// code for it is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.invalid.rawValue)
        }
    }
}
