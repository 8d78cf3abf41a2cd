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
        let quoted = outcome.quoted
        let source: @Sendable (String) -> [UInt8]? = { sources[$0] ?? quoted[$0]?.bytes }
        writeError(DiagnosticRenderer(colour: colourOnStderr, source: source).render(outcome.diagnostics))
        // Findings go out a batch at a time as they are rendered: a check's ten thousand are never one string.
        let renderer = DiagnosticRenderer(colour: colourOnStdout, source: source)
        var output = ""
        for finding in outcome.findings {
            output += renderer.render(finding)
            if output.utf8.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        output += outcome.output
        if !output.isEmpty { FileHandle.standardOutput.write(Data(output.utf8)) }
        if let summary = outcome.summary { writeError(summary + "\n") }
        if outcome.status != .ok { throw ExitCode(outcome.status.rawValue) }
    }
}
