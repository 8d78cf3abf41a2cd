import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginHost
import TacetReports
import TacetYAML

/// One check of a set of paths, engine and plugins, as `check` prints it and `report` draws it.
struct CheckRun {
    /// Everything the report formats render.
    var input: ReportInput
    /// The files that were read (what an output file must never overwrite).
    var files: [String]
    /// File bytes by path, for source excerpts (workflows and plugin manifests).
    var sources: [String: [UInt8]]

    /// Loads `paths` and checks them with the engine only. Policy-test inputs among the paths are not
    /// checked as the team's own. No document at all is an input error, so an empty run never passes.
    static func engine(paths: [String], today: CalendarDate, limits: YAMLLimits, failOn: Severity,
                       linkBase: String?) -> CheckRun {
        let workspace = WorkspaceLoader(limits: limits).load(paths)
        let excluded = PolicyTestInputs.files(in: workspace)
        let report = CheckEngine.check(workspace, today: today, excluding: excluded)
        let documents = workspace.documents.filter { !excluded.contains($0.file) }
        var run = CheckRun(input: ReportInput(report, documents: documents, described: [], failOn: failOn, linkBase: linkBase),
                           files: workspace.files, sources: workspace.sources)
        if workspace.files.isEmpty {
            run.input.report.problems.append(.error("io.no-documents", "no .yaml or .yml files found",
                                                    at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1)))
        }
        return run
    }

    /// Like ``engine(paths:today:limits:failOn:linkBase:)``, then runs the checker plugins of `plugins`
    /// over the same documents and merges their findings and failures with the engine's.
    static func withPlugins(paths: [String], today: CalendarDate, limits: YAMLLimits, failOn: Severity, linkBase: String?,
                            plugins: PluginSettings) async -> CheckRun {
        var run = engine(paths: paths, today: today, limits: limits, failOn: failOn, linkBase: linkBase)
        var report = run.input.report
        let catalog = PluginDiscovery(limits: limits, hostVersions: plugins.options.hostVersions).discover(plugins.directories)
        let outcome = await PluginHost(options: plugins.options).run(catalog.plugins, on: run.input.documents, policies: report.policies)
        report.findings = (report.findings + outcome.findings + outcome.failures).sorted()
        report.problems = (report.problems + catalog.problems).sorted()
        report.pluginsRun = outcome.described.count
        report.pluginCalls = outcome.calls
        run.input = ReportInput(report, documents: run.input.documents, described: outcome.described, failOn: failOn, linkBase: linkBase)
        run.sources.merge(catalog.sources) { first, _ in first }
        return run
    }

    /// 2 when the input is invalid, 1 when a finding in force is at or above `--fail-on`, else 0.
    var status: ExitStatus {
        let report = input.report
        return report.inputInvalid ? .invalid : report.findings.contains { $0.severity >= input.failOn } ? .findings : .ok
    }
}
