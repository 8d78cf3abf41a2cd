import Foundation
import TacetDiagnostics
import TacetEngine

/// The JSON form of a check report; its shape is documented in `docs/check-output.md` and versioned
/// by `schemaVersion`, so scripts can rely on it.
struct CheckOutput: Encodable {
    struct Tool: Encodable {
        let name = "tacet"
        let version = TacetVersion.current
    }

    struct Summary: Encodable {
        let documents: Int
        let workflows: Int
        let plans: Int
        let errors: Int
        let warnings: Int
        let infos: Int
        let suppressed: Int
        let problems: Int
        let plugins: Int
        let pluginCalls: Int
    }

    struct Note: Encodable {
        let message: String
        let file: String?
        let line: Int?
        let column: Int?
    }

    struct Finding: Encodable {
        let rule: String
        let plugin: String?
        let severity: String
        let message: String
        let file: String?
        let line: Int?
        let column: Int?
        let pointer: String?
        let hint: String?
        let citations: [String]
        let notes: [Note]
        let exception: String?
        let exceptionOwner: String?
        let exceptionExpires: String?

        init(_ diagnostic: Diagnostic, suppressedBy: SuppressedFinding? = nil) {
            rule = diagnostic.code
            plugin = diagnostic.plugin
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            file = diagnostic.location?.file
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            pointer = diagnostic.pointer
            hint = diagnostic.hint
            citations = diagnostic.citations
            notes = diagnostic.notes.map { Note(message: $0.message, file: $0.location?.file, line: $0.location?.line,
                                                column: $0.location?.column) }
            exception = suppressedBy?.exception
            exceptionOwner = suppressedBy?.owner
            exceptionExpires = suppressedBy?.expires.description
        }
    }

    let schemaVersion = 1
    let tool = Tool()
    let summary: Summary
    let findings: [Finding]
    let suppressed: [Finding]
    let problems: [Finding]

    init(_ report: CheckReport) {
        summary = Summary(documents: report.documents, workflows: report.workflowsChecked, plans: report.plansChecked,
                          errors: report.count(.error),
                          warnings: report.count(.warning), infos: report.count(.info), suppressed: report.suppressed.count,
                          problems: report.problems.count, plugins: report.pluginsRun, pluginCalls: report.pluginCalls)
        findings = report.findings.map { Finding($0) }
        suppressed = report.suppressed.map { Finding($0.finding, suppressedBy: $0) }
        problems = report.problems.map { Finding($0) }
    }

    func text() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // invariant: every field is a string, number, array or nested struct of those, which always encode.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
