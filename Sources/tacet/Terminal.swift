import ArgumentParser
import Foundation
import TacetDiagnostics
import TacetTool

/// The only place that writes to the terminal: prints an outcome and turns its status into an exit.
enum Terminal {
    /// Whether standard error should get colour: a terminal, and NO_COLOR unset.
    static var colourOnStderr: Bool { isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard output should get colour.
    static var colourOnStdout: Bool { isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    /// Prints `outcome` and exits with its status when it is not 0.
    static func finish(_ outcome: ToolOutcome) throws {
        let sources = outcome.sources
        let renderer = DiagnosticRenderer(colour: colourOnStderr, source: { sources[$0] })
        writeError(renderer.render(outcome.diagnostics))
        var output = DiagnosticRenderer(colour: colourOnStdout, source: { sources[$0] }).render(outcome.findings)
        output += outcome.output
        if !output.isEmpty { FileHandle.standardOutput.write(Data(output.utf8)) }
        if let summary = outcome.summary { writeError(summary + "\n") }
        if outcome.status != .ok { throw ExitCode(outcome.status.rawValue) }
    }
}
