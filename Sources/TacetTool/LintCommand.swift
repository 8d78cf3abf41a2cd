import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetReports
import TacetYAML

/// `tacet lint PATH...`: checks the policies themselves.
package enum LintCommand {
    /// Lints the policies under `paths` (with the framework, when it is among them). Exit 2 when the
    /// input is invalid, 1 when a lint finding is at or above `failOn`, else 0.
    package static func run(paths: [String], failOn: Severity = .error, limits: YAMLLimits = .default) -> ToolOutcome {
        var workspace = WorkspaceLoader(limits: limits).load(paths)
        // Policy layers that are policy-test inputs are fixtures, not the organisation's policies.
        let fixtures = PolicyTestInputs.files(in: workspace)
        workspace.documents.removeAll { fixtures.contains($0.file) }
        let report = PolicyLinter.lint(workspace)
        var problems = report.problems
        if report.policies == 0 && !report.problems.contains(where: { $0.severity == .error }) {
            problems.append(.error(LintErrorCode.noPolicy, "no Policy document found to lint",
                                   at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1)))
        }
        let invalid = problems.contains { $0.severity == .error }
        let status: ExitStatus = invalid ? .invalid : report.findings.contains { $0.severity >= failOn } ? .findings : .ok
        let count = { (severity: Severity) in report.findings.filter { $0.severity == severity }.count }
        let summary = "\n\(Wording.plural(report.policies, "policy", "policies")) linted: "
            + "\(Wording.plural(count(.error), "error")), \(Wording.plural(count(.warning), "warning")), \(Wording.plural(count(.info), "info"))\n"
        return ToolOutcome(output: summary, diagnostics: problems, findings: report.findings, sources: workspace.sources,
                           status: status)
    }
}
