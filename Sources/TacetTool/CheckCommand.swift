import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginHost
import TacetReports
import TacetYAML

/// `tacet check PATH...`: checks every workflow against its policy and the roster.
public enum CheckCommand {
    /// Loads `paths` and checks them. Exit 2 when the input is invalid, 1 when a finding in force is
    /// at or above `failOn`, else 0. Policy-test inputs among the paths are not checked as the team's own.
    ///
    /// `linkBase` prefixes the file links of `--format markdown` (a repository's blob URL, say).
    public static func run(paths: [String], format: OutputFormat = .text, failOn: Severity = .error,
                           today: CalendarDate, limits: YAMLLimits = .default, linkBase: String? = nil) -> ToolOutcome {
        let workspace = WorkspaceLoader(limits: limits).load(paths)
        let excluded = PolicyTestInputs.files(in: workspace)
        let report = CheckEngine.check(workspace, today: today, excluding: excluded)
        let input = ReportInput(report, documents: workspace.documents.filter { !excluded.contains($0.file) }, described: [],
                                failOn: failOn, linkBase: linkBase)
        return outcome(input, workspace: workspace, paths: paths, format: format)
    }

    /// Like ``run(paths:format:failOn:today:limits:linkBase:)``, then runs the checker plugins of `plugins`
    /// over the same documents and merges their findings and failures with the engine's.
    public static func run(paths: [String], format: OutputFormat = .text, failOn: Severity = .error,
                           today: CalendarDate, limits: YAMLLimits = .default, linkBase: String? = nil,
                           plugins: PluginSettings) async -> ToolOutcome {
        let workspace = WorkspaceLoader(limits: limits).load(paths)
        let excluded = PolicyTestInputs.files(in: workspace)
        var report = CheckEngine.check(workspace, today: today, excluding: excluded)
        let catalog = PluginDiscovery(limits: limits, hostVersions: plugins.options.hostVersions).discover(plugins.directories)
        let documents = workspace.documents.filter { !excluded.contains($0.file) }
        let run = await PluginHost(options: plugins.options).run(catalog.plugins, on: documents, policies: report.policies)
        report.findings = (report.findings + run.findings + run.failures).sorted()
        report.problems = (report.problems + catalog.problems).sorted()
        report.pluginsRun = run.described.count
        report.pluginCalls = run.calls
        var sources = workspace.sources
        sources.merge(catalog.sources) { first, _ in first }
        let input = ReportInput(report, documents: documents, described: run.described, failOn: failOn, linkBase: linkBase)
        return outcome(input, workspace: workspace, paths: paths, format: format, sources: sources)
    }

    private static func outcome(_ input: ReportInput, workspace: Workspace, paths: [String], format: OutputFormat,
                                sources: [String: [UInt8]]? = nil) -> ToolOutcome {
        var input = input
        let sources = sources ?? workspace.sources
        if workspace.files.isEmpty {
            // Reported as a problem in every format, so an empty run can never pass as a clean one.
            input.report.problems.append(.error("io.no-documents", "no .yaml or .yml files found",
                                                at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1)))
        }
        let report = input.report
        let status: ExitStatus = report.inputInvalid ? .invalid
            : report.findings.contains { $0.severity >= input.failOn } ? .findings : .ok
        switch format {
        case .json:
            return ToolOutcome(output: CheckOutput(report).text(), sources: sources, status: status)
        case .text:
            return ToolOutcome(output: suppressedText(report) + summary(report), diagnostics: report.problems,
                               findings: report.findings, sources: sources, status: status)
        case .sarif:
            return ToolOutcome(output: SARIFRenderer.render(input), sources: sources, status: status)
        case .junit:
            return ToolOutcome(output: JUnitRenderer.render(input), sources: sources, status: status)
        case .github:
            return ToolOutcome(output: GitHubAnnotationRenderer.render(input), sources: sources, status: status)
        case .markdown:
            return ToolOutcome(output: MarkdownRenderer.render(input), sources: sources, status: status)
        }
    }

    static func suppressedText(_ report: CheckReport) -> String {
        guard !report.suppressed.isEmpty else { return "" }
        var text = "\nSuppressed by exceptions (\(report.suppressed.count)):\n"
        for entry in report.suppressed {
            let place = entry.finding.location?.description ?? "-"
            text += "  \(place): \(entry.finding.severity.rawValue): \(entry.finding.message) [\(entry.finding.code)]\n"
            text += "    by exception '\(entry.exception)' (owner \(entry.owner), expires \(entry.expires))\n"
        }
        return text
    }

    static func summary(_ report: CheckReport) -> String {
        "\n\(report.scopeSentence): \(report.countSentence); \(report.suppressed.count) suppressed by exceptions\n"
    }
}
