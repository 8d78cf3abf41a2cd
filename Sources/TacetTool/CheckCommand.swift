import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginHost
import TacetYAML

/// `tacet check PATH...`: checks every workflow against its policy and the roster.
public enum CheckCommand {
    /// Loads `paths` and checks them. Exit 2 when the input is invalid, 1 when a finding in force is
    /// at or above `failOn`, else 0. Policy-test inputs among the paths are not checked as the team's own.
    public static func run(paths: [String], format: OutputFormat = .text, failOn: Severity = .error,
                           today: CalendarDate, limits: YAMLLimits = .default) -> ToolOutcome {
        let workspace = WorkspaceLoader(limits: limits).load(paths)
        let report = CheckEngine.check(workspace, today: today, excluding: PolicyTestInputs.files(in: workspace))
        return outcome(report, workspace: workspace, paths: paths, format: format, failOn: failOn)
    }

    /// Like ``run(paths:format:failOn:today:limits:)``, then runs the checker plugins of `plugins`
    /// over the same documents and merges their findings and failures with the engine's.
    public static func run(paths: [String], format: OutputFormat = .text, failOn: Severity = .error,
                           today: CalendarDate, limits: YAMLLimits = .default, plugins: PluginSettings) async -> ToolOutcome {
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
        return outcome(report, workspace: workspace, paths: paths, format: format, failOn: failOn, sources: sources)
    }

    private static func outcome(_ report: CheckReport, workspace: Workspace, paths: [String], format: OutputFormat,
                                failOn: Severity, sources: [String: [UInt8]]? = nil) -> ToolOutcome {
        let sources = sources ?? workspace.sources
        let status: ExitStatus = report.inputInvalid || workspace.files.isEmpty ? .invalid
            : report.findings.contains { $0.severity >= failOn } ? .findings : .ok
        var problems = report.problems
        if workspace.files.isEmpty {
            problems.append(.error("io.no-documents", "no .yaml or .yml files found",
                                   at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1)))
        }
        switch format {
        case .json:
            return ToolOutcome(output: CheckOutput(report).text(), sources: sources, status: status)
        case .text:
            return ToolOutcome(output: suppressedText(report) + summary(report), diagnostics: problems,
                               findings: report.findings, sources: sources, status: status)
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
        let plans = report.plansChecked == 0 ? "" : " and \(Wording.plural(report.plansChecked, "learning plan"))"
        let plugins = report.pluginsRun == 0 ? ""
            : " (\(Wording.plural(report.pluginsRun, "plugin")) ran \(Wording.plural(report.pluginCalls, "check")))"
        return "\n\(Wording.plural(report.workflowsChecked, "workflow"))\(plans) checked in \(Wording.plural(report.documents, "document"))\(plugins): "
            + "\(Wording.plural(report.count(.error), "error")), \(Wording.plural(report.count(.warning), "warning")), "
            + "\(Wording.plural(report.count(.info), "info")); \(report.suppressed.count) suppressed by exceptions\n"
    }
}
