import TacetDiagnostics
import TacetDocuments
import TacetEngine

/// Everything a report format renders: one check run's findings and the documents, rules and
/// plugins that explain them. Every format renders the same input, so they never disagree.
public struct ReportInput: Sendable {
    /// What the check found.
    public var report: CheckReport
    /// The team's documents that were checked or loaded alongside (policy-test inputs left out).
    public var documents: [LoadedDocument]
    /// The policies resolved from the documents, by name: their rules, tasks and citations.
    public var policies: [String: ResolvedPolicy]
    /// The checker plugins that ran, with their rules.
    public var plugins: [PluginRules]
    /// The checks every run makes, listed as rules whether or not they found anything.
    public var checks: [any DiagnosticCode]
    /// Every code Tacet reports, to describe any other code a finding carries (plugin failures, say).
    public var codes: [any DiagnosticCode]
    /// The lowest severity that fails the run: what JUnit counts as a failure.
    public var failOn: Severity
    /// Tacet's version.
    public var toolVersion: String
    /// The absolute directory file paths are made relative to (SARIF artifact URIs, Markdown links).
    public var workingDirectory: String
    /// Where Markdown links to files point: a prefix such as a repository's blob URL; relative when nil.
    public var linkBase: String?

    /// Creates a report input.
    public init(report: CheckReport, documents: [LoadedDocument], policies: [String: ResolvedPolicy], plugins: [PluginRules] = [],
                checks: [any DiagnosticCode], codes: [any DiagnosticCode], failOn: Severity = .error, toolVersion: String,
                workingDirectory: String, linkBase: String? = nil) {
        self.report = report
        self.documents = documents
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
    public func path(_ file: String) -> String { FilePaths.relative(file, to: workingDirectory) }

    /// `file:line:column` with the file as ``path(_:)`` shows it.
    public func place(_ location: SourceLocation) -> String { "\(path(location.file)):\(location.line):\(location.column)" }

    /// The citations of every resolved policy, by id (the first policy's wins when two disagree).
    public var citations: [String: Citation] {
        var all: [String: Citation] = [:]
        for name in policies.keys.sorted() {
            all.merge(policies[name]?.citations ?? [:]) { first, _ in first }
        }
        return all
    }
}
