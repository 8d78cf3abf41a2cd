import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetReports
import TacetYAML

/// `tacet test PATH...`: runs the PolicyTest documents under the paths.
package enum TestCommand {
    /// Runs every case. Exit 2 when documents are invalid or a case cannot run as written (an input
    /// that cannot be read or is invalid, an unknown policy), 1 when a case fails, no case ran, or
    /// coverage is below `threshold` (when given); else 0.
    package static func run(paths: [String], coverage: Bool, threshold: Double?, today: CalendarDate,
                           limits: YAMLLimits = .default) -> ToolOutcome {
        let workspace = WorkspaceLoader(limits: limits).load(paths)
        if workspace.hasErrors {
            // No case runs while a document is invalid: the closing line says so, not only the errors.
            return ToolOutcome(output: "\nno case ran: \(Tally.refusal(workspace))\n",
                               diagnostics: workspace.diagnostics, sources: workspace.sources, status: .invalid)
        }
        let (results, coverages) = PolicyTestRunner(limits: limits, today: today).run(workspace)
        var out = ""
        var problems: [Diagnostic] = []
        for result in results {
            let name = "\(result.document.name) / \(result.testCase.name)"
            if result.passed {
                out += "PASS \(name)\n"
                continue
            }
            out += "FAIL \(name) (\(result.document.location(of: result.testCase.pointer).description))\n"
            for expected in result.missing {
                out += "  - expected \(expected.rule)" + (expected.path.map { " at \($0)" } ?? "")
                    + (expected.file.map { " in \($0)" } ?? "") + (expected.message.map { " saying \"\(DisplayText.escaped($0))\"" } ?? "") + "\n"
            }
            for finding in result.unexpected {
                // The message can quote the test's YAML: shown, not obeyed, as in every diagnostic.
                let place = DisplayText.escaped("\(finding.pointer ?? "-") (\(finding.location?.description ?? "-"))")
                out += "  + unexpected \(finding.code) at \(place): \(DisplayText.escaped(finding.message))\n"
            }
            problems += result.problems
        }
        // A case whose documents or inputs are at fault could not run: it is counted apart from the
        // failures, and the closing line points at the errors that say why.
        let failed = results.filter { !$0.passed }.count
        let unrun = results.filter { result in result.problems.contains { $0.severity == .error } }.count
        out += "\n\(Wording.plural(results.count, "case")): \(results.count - failed) passed, \(failed - unrun) failed"
            + (unrun == 0 ? "" : ", \(unrun) could not run: " + Tally(findings: [], problems: problems).seeAbove) + "\n"
        var belowThreshold = false
        if coverage || threshold != nil {
            for entry in coverages {
                out += "Coverage of \(entry.policy): \(entry.exercised.count) of \(entry.items.count) rules and requirements "
                    + "(\(String(format: "%.1f", entry.percent))%)\n"
                if !entry.uncovered.isEmpty { out += "  not exercised: \(entry.uncovered.joined(separator: ", "))\n" }
                if let threshold, entry.percent < threshold {
                    belowThreshold = true
                    out += "  below the threshold of \(String(format: "%g", threshold))%\n"
                }
            }
        }
        // A case reports a problem, rather than a missing or unexpected finding, when its documents or
        // inputs are at fault; any such error, of whichever family (yaml, document, io, policy,
        // exception, test), is invalid input.
        let invalid = problems.contains { $0.severity == .error }
        if results.isEmpty {
            problems.append(.error(PolicyTestErrorCode.none, "no policy test ran: no PolicyTest document with a case was found",
                                   at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1),
                                   hint: "add PolicyTest documents to a folder among the paths loaded (in a project made by tacet init: "
                                       + "policies/tests/)"))
        }
        let status: ExitStatus = invalid ? .invalid : (failed > 0 || results.isEmpty || belowThreshold) ? .findings : .ok
        return ToolOutcome(output: out, diagnostics: problems, sources: workspace.sources, status: status)
    }
}
