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
        /// Workflows found (loaded, or declared by a file that did not load) but not checked.
        let workflowsNotChecked: Int
        /// Learning plans declared by a file that did not load, so not audited.
        let plansNotAudited: Int
        /// Files that held no valid document, whatever they declared.
        let filesNotLoaded: Int
        /// What could not be checked, as the text format's closing line says it; absent when everything was.
        let notChecked: String?
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
        // `errors`, `warnings` and `infos` count the findings in force, as schemaVersion 1 defined them;
        // `problems` counts the input problems beside them.
        summary = Summary(documents: report.documents, workflows: report.workflowsChecked, plans: report.plansChecked,
                          errors: report.count(.error),
                          warnings: report.count(.warning), infos: report.count(.info), suppressed: report.suppressed.count,
                          problems: report.problems.count, plugins: report.pluginsRun, pluginCalls: report.pluginCalls,
                          workflowsNotChecked: report.workflowsNotChecked, plansNotAudited: report.plansNotAudited,
                          filesNotLoaded: report.unloaded.count,
                          notChecked: report.tally.shortfallSentence(reference: "see problems"))
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
