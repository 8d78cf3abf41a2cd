import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginProtocol
import TacetReports
import TacetTestSupport
import TacetTool

/// Report inputs built from the shipped policies, curricula and sample team, loaded by absolute path
/// with the repository as working directory (so relative paths in the output are the renderers' work).
enum ReportFixture {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!

    /// The sample team: findings in workflows and in t-ben's plan, one suppressed, plus one plugin finding.
    static func sampleTeam() -> ReportInput {
        var input = load(["Policies/music-therapy-ai-use.yaml", "Policies/teams", "Curricula", "Examples/pediatrics"])
        let plugin = PluginRules(name: "phi-scan", version: "1.0.0", rules: [
            RuleDescriptor(id: "phi-scan/record-number", summary: "A record number in free text.", hint: "remove it", severity: .error,
                           citations: ["hipaa-164-502e"]),
        ])
        input.plugins = [plugin]
        let workflow = Repository.path("Examples/pediatrics/workflows/inpatient-documentation.yaml")
        input.report.findings.append(Diagnostic(rule: "phi-scan/record-number", severity: .error, message: "A record number: 'MR• ••'",
                                                origin: .plugin("phi-scan"), location: SourceLocation(file: workflow, line: 53, column: 18),
                                                pointer: "/steps/4/description", citations: ["hipaa-164-502e"]))
        input.report.findings.sort()
        return input
    }

    /// A team whose only workflow passes: no findings at all.
    static func cleanTeam() -> ReportInput {
        load(["Policies/music-therapy-ai-use.yaml", "Policies/teams", "Curricula", "Examples/pediatrics/therapists",
              "Examples/pediatrics/workflows/outcome-analytics.yaml"])
    }

    /// Loads `paths` (relative to the repository) and checks them.
    static func load(_ paths: [String], failOn: Severity = .error) -> ReportInput {
        let workspace = WorkspaceLoader().load(paths.map(Repository.path))
        let engine = CheckEngine.run(workspace, today: today)
        return ReportInput(report: engine.report(), documents: engine.documents, policies: engine.policies,
                           checks: DiagnosticCodes.checks, codes: DiagnosticCodes.all, failOn: failOn, toolVersion: "0.0.0-test",
                           workingDirectory: Repository.root)
    }

    /// Parses JSON text.
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
