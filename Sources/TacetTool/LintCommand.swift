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
        workspace.unloaded.removeAll { fixtures.contains($0.file) }
        let report = PolicyLinter.lint(workspace)
        var problems = report.problems
        if report.policies == 0 && !report.problems.contains(where: { $0.severity == .error }) {
            problems.append(.error(LintErrorCode.noPolicy, "no Policy document found to lint",
                                   at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1)))
        }
        let invalid = problems.contains { $0.severity == .error }
        let status: ExitStatus = invalid ? .invalid : report.findings.contains { $0.severity >= failOn } ? .findings : .ok
        let tally = tally(report, problems: problems, workspace: workspace)
        let summary = "\n\(Wording.plural(report.policies, "policy", "policies")) linted: \(tally.countSentence)\n"
            + (tally.shortfallSentence().map { $0 + "\n" } ?? "")
        return ToolOutcome(output: summary, diagnostics: problems, findings: report.findings, sources: workspace.sources,
                           status: status)
    }

    /// Lint's count: its findings and every input problem, with the policies that could not be linted
    /// (a layer that loosens, say, or a file of kind Policy that did not load) and other files that did not load.
    static func tally(_ report: PolicyLinter.Report, problems: [Diagnostic], workspace: Workspace) -> Tally {
        let unloaded = workspace.unloaded
        let missed = max(0, workspace.documents(of: .policy).count - report.policies) + unloaded.filter { $0.kind == .policy }.count
        var shortfalls: [Shortfall] = []
        if missed > 0 { shortfalls.append(Shortfall(missed, of: report.policies + missed, "policy", "policies", verb: "linted")) }
        shortfalls += Shortfall.files(unloaded, besides: [.policy], other: !shortfalls.isEmpty)
        return Tally(findings: report.findings, problems: problems, shortfalls: shortfalls)
    }
}
