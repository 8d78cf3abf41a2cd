import TacetDiagnostics

/// Why a command's inputs could not be worked out (no paths and no project file, or an invalid one), with
/// the project file's bytes so its errors show their source line.
package struct ProjectError: Error, Sendable {
    /// What went wrong; never empty.
    package var diagnostics: [Diagnostic]
    /// The bytes of the project file, by path, when it was read.
    package var sources: [String: [UInt8]]

    /// The outcome a command reports for it: the diagnostics, exit 2.
    package var outcome: ToolOutcome { .invalid(diagnostics, sources: sources) }
}
