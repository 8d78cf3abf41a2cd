import TacetDiagnostics
import TacetDocuments
import TacetEngine

/// Everything a report format renders: one check run's findings and the documents, rules and
/// plugins that explain them. Every format renders the same input, so they never disagree.
package struct ReportInput: Sendable {
    /// What the check found.
    package var report: CheckReport
    /// The team's documents that were checked or loaded alongside (policy-test inputs left out).
    package var documents: [LoadedDocument]
    /// Every workflow and learning plan checked, in file order, as much as the reports read of them:
    /// ``documents`` need not hold them (a check releases each once judged).
    package var checked: [CheckedDocument]
    /// The workflow steps that use AI on a classified task: the competency gaps and the planner read them.
    package var stepsWithAI: [AIStep]
    /// The policies resolved from the documents, by name: their rules, tasks and citations.
    package var policies: [String: ResolvedPolicy]
    /// The checker plugins that ran, with their rules.
    package var plugins: [PluginRules]
    /// The checks every run makes, listed as rules whether or not they found anything.
    package var checks: [any DiagnosticCode]
    /// Every code Tacet reports, to describe any other code a finding carries (plugin failures, say).
    package var codes: [any DiagnosticCode]
    /// The lowest severity that fails the run: what JUnit counts as a failure.
    package var failOn: Severity
    /// Tacet's version.
    package var toolVersion: String
    /// The absolute directory file paths are made relative to (SARIF artifact URIs, Markdown links).
    package var workingDirectory: String
    /// Where Markdown links to files point: a prefix such as a repository's blob URL; relative when nil.
    package var linkBase: String?
    /// A sentence per therapist id on how their plan came to be, when the planner was asked for one
    /// (`report --plan`): proposed for this report, or why none could be.
    package var planNotes: [String: String] = [:]
    /// The staff handbook (`tacet handbook`) the HTML report links each finding's task to, as a link
    /// from the report's folder (`handbook.html`); no links when nil.
    package var handbook: String?

    /// Creates a report input. `checked` and `stepsWithAI` default to those of the workflows and plans
    /// among `documents`, for a caller that holds every document.
    package init(report: CheckReport, documents: [LoadedDocument], checked: [CheckedDocument]? = nil, stepsWithAI: [AIStep]? = nil,
                policies: [String: ResolvedPolicy], plugins: [PluginRules] = [],
                checks: [any DiagnosticCode], codes: [any DiagnosticCode], failOn: Severity = .error, toolVersion: String,
                workingDirectory: String, linkBase: String? = nil) {
        self.report = report
        self.documents = documents
        self.checked = checked ?? documents.filter { $0.kind == .workflow || $0.kind == .learningPlan }
            .map { CheckedDocument($0, outline: true, steps: false) }
        self.stepsWithAI = stepsWithAI ?? AIStep.steps(in: documents, policies: policies)
        self.policies = policies
        self.plugins = plugins
        self.checks = checks
        self.codes = codes
        self.failOn = failOn
        self.toolVersion = toolVersion
        self.workingDirectory = workingDirectory
        self.linkBase = linkBase
    }

    /// `file` as reports show it: relative to ``workingDirectory`` when inside it.
    package func path(_ file: String) -> String { FilePaths.relative(file, to: workingDirectory) }

    /// `file:line:column` with the file as ``path(_:)`` shows it.
    package func place(_ location: SourceLocation) -> String { "\(path(location.file)):\(location.line):\(location.column)" }

    /// The citations of every resolved policy, by id (the first policy's wins when two disagree).
    package var citations: [String: Citation] {
        var all: [String: Citation] = [:]
        for name in policies.keys.sorted() {
            all.merge(policies[name]?.citations ?? [:]) { first, _ in first }
        }
        return all
    }
}
