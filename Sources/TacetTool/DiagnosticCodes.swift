import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginHost
import TacetReports
import TacetYAML

/// Every diagnostic code Tacet reports, by family: the one list that the code reference
/// (`docs/codes.md`), the SARIF rule list and the tests that keep the documentation complete read.
package enum DiagnosticCodes {
    /// The families, in the order the code reference lists them: from the bytes of a file up to the run.
    package static let families: [DiagnosticCodeFamily] = [
        DiagnosticCodeFamily("Files", IOErrorCode.self,
                             about: "Reading inputs and writing outputs. The message names the file and the operating system's reason."),
        DiagnosticCodeFamily("YAML", YAMLErrorCode.self,
                             about: "The YAML itself, before any document is read from it."),
        DiagnosticCodeFamily("Documents", DocumentErrorCode.self,
                             about: "A document's content: keys, types, values and references; and a foreign export "
                                 + "`tacet framework import` cannot read (`import.format`)."),
        DiagnosticCodeFamily("Policies", PolicyErrorCode.self,
                             about: "Policies and their layers, when they are resolved and when `tacet lint` reads them."),
        DiagnosticCodeFamily("Lint", LintErrorCode.self, about: "What `tacet lint` reports about its own run."),
        DiagnosticCodeFamily("Requirements", Requirement.self,
                             about: "The checks made on every workflow step from the policy's task table and tool registry. "
                                 + "Each states what must hold; a finding means it does not."),
        DiagnosticCodeFamily("Exceptions", ExceptionErrorCode.self,
                             about: "`Exception` documents that cannot apply, or no longer do, or suppressed nothing."),
        DiagnosticCodeFamily("Learning-plan audit", PlanFinding.self,
                             about: "The checks made on every `LearningPlan`. Each states what must hold; a finding means it does not."),
        DiagnosticCodeFamily("Planner", PlannerCode.self, about: "What `tacet plan` reports beyond the audit."),
        DiagnosticCodeFamily("Policy tests", PolicyTestErrorCode.self, about: "`PolicyTest` documents and `tacet test` runs."),
        DiagnosticCodeFamily("Explain", ExplainErrorCode.self, about: "What `tacet explain` reports when it cannot find what it was asked about."),
        DiagnosticCodeFamily("Client notice", PlainDocumentCode.self,
                             about: "What `tacet notice` reports about the words it writes for clients. The notice is still written."),
        DiagnosticCodeFamily("Plugins", PluginErrorCode.self,
                             about: "Plugin manifests (input errors) and plugin calls that failed (findings whose severity "
                                 + "`--plugin-failures` sets). See docs/plugin-protocol.md."),
    ]

    /// Every code, family by family.
    package static var all: [any DiagnosticCode] { families.flatMap(\.codes) }

    /// The checks every run makes, always listed as rules (SARIF) whether or not they found anything.
    package static var checks: [any DiagnosticCode] { Array(Requirement.allCases) + Array(PlanFinding.allCases) }
}
