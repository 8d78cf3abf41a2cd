import TacetDiagnostics
import TacetDocuments

/// A command's closing count, computed once from everything it showed, so that no summary in any
/// format contradicts the diagnostics above it: findings and input problems by severity, and what
/// could not be checked.
package struct Tally: Sendable, Equatable {
    /// Errors shown: findings and input problems.
    package var errors: Int
    /// Warnings shown: findings and input problems.
    package var warnings: Int
    /// Infos shown: findings and input problems.
    package var infos: Int
    /// How many of the counted diagnostics are problems with the input.
    package var inputProblems: Int
    /// How many of those are errors (each one is why something could not be checked, or exit 2).
    package var inputErrors: Int
    /// What could not be checked.
    package var shortfalls: [Shortfall]

    /// Counts `findings` and `problems` (input problems) alike, with the `shortfalls` they caused.
    package init(findings: [Diagnostic], problems: [Diagnostic], shortfalls: [Shortfall] = []) {
        // Counted in place: a check's ten thousand findings are the largest thing it holds, and a joined or
        // filtered copy of them was its peak memory.
        func count(_ severity: Severity, in diagnostics: [Diagnostic]) -> Int {
            diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
        }
        errors = count(.error, in: findings) + count(.error, in: problems)
        warnings = count(.warning, in: findings) + count(.warning, in: problems)
        infos = count(.info, in: findings) + count(.info, in: problems)
        inputProblems = problems.count
        inputErrors = count(.error, in: problems)
        self.shortfalls = shortfalls
    }

    /// Everything shown by severity: "14 errors, 2 warnings, 0 infos", then "(3 of them input
    /// problems)" when the input had any.
    package var countSentence: String {
        let counts = "\(Wording.plural(errors, "error")), \(Wording.plural(warnings, "warning")), \(Wording.plural(infos, "info"))"
        switch inputProblems {
        case 0: return counts
        case 1: return counts + " (1 of them an input problem)"
        default: return counts + " (\(inputProblems) of them input problems)"
        }
    }

    /// The shortfalls in one phrase: "1 of 2 workflows could not be checked and 1 file could not be
    /// loaded". Nil when everything was checked.
    package var shortfallPhrase: String? {
        shortfalls.isEmpty ? nil : Wording.series(shortfalls.map(\.phrase))
    }

    /// The shortfalls with where their reasons are: "1 of 2 workflows could not be checked: see the
    /// error above". Nil when everything was checked.
    ///
    /// - Parameter reference: where the reasons are shown; nil for "see the error(s) above", as text
    ///   and annotations show them.
    package func shortfallSentence(reference: String? = nil) -> String? {
        shortfallPhrase.map { $0 + ": " + (reference ?? seeAbove) }
    }

    /// Where text and annotations show the reasons: "see the error above", "see the errors above".
    package var seeAbove: String { inputErrors == 1 ? "see the error above" : "see the errors above" }

    /// Why a command that needs every document valid did nothing, for its closing line: "1 file could
    /// not be loaded: see the error above" (or only where the errors are, when every file loaded).
    package static func refusal(_ workspace: Workspace) -> String {
        let tally = Tally(findings: [], problems: workspace.diagnostics,
                          shortfalls: Shortfall.files(workspace.unloaded, besides: [], other: false))
        return tally.shortfallSentence() ?? tally.seeAbove
    }
}
