import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginHost
import TacetReports
import TacetYAML

/// The one sequence every command that judges a team's documents runs (`check`, `report`, and the
/// editor server to come): load, the engine's findings, the plugins' findings, exceptions over all of
/// them, one sort, one ``ReportInput``.
///
/// Policy tests run the same engine entry point (`CheckEngine.run` then `EngineCheck.report`)
/// without plugins.
package struct CheckPipeline: Sendable {
    /// The day exceptions and training are judged on.
    package var today: CalendarDate
    /// The YAML limits every file is read under.
    package var limits: YAMLLimits
    /// The checker plugins to run, or nil to run none.
    package var plugins: PluginSettings?
    /// The lowest severity that fails the run.
    package var failOn: Severity
    /// Where Markdown links to files point; relative when nil.
    package var linkBase: String?
    /// Earlier loads reused for unchanged files (the editor server's, checking on every keystroke); nil for none.
    package var cache: LoadCache?

    /// Creates a pipeline.
    package init(today: CalendarDate, limits: YAMLLimits = .default, plugins: PluginSettings? = nil,
                failOn: Severity = .error, linkBase: String? = nil) {
        self.today = today
        self.limits = limits
        self.plugins = plugins
        self.failOn = failOn
        self.linkBase = linkBase
    }

    /// Loads `paths` and judges them. No document at all is an input error, so an empty run never passes.
    ///
    /// `overlay` holds files' contents by path, read instead of the files on disk (an editor's unsaved
    /// buffers); see ``WorkspaceLoader/load(_:overlay:)``.
    package func run(paths: [String], overlay: [String: [UInt8]] = [:]) async -> CheckRun {
        let workspace = WorkspaceLoader(limits: limits, cache: cache).load(paths, overlay: overlay)
        var problems: [Diagnostic] = []
        if workspace.files.isEmpty {
            problems.append(.error(IOErrorCode.noDocuments, "no .yaml or .yml files found",
                                   at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1)))
        }
        return await run(workspace, adding: problems)
    }

    /// Judges the documents of `workspace`, adding `problems` found before it was loaded. Policy-test inputs
    /// among them are not judged as the team's own.
    package func run(_ workspace: Workspace, adding problems: [Diagnostic] = []) async -> CheckRun {
        var engine = CheckEngine.run(workspace, today: today, excluding: PolicyTestInputs.files(in: workspace))
        engine.problems += problems
        var sources = workspace.sources
        var added: [Diagnostic] = []
        var described: [DescribedPlugin] = []
        var silent = Set<String>()
        var calls = 0
        if let plugins {
            let catalog = PluginDiscovery(limits: limits, hostVersions: plugins.options.hostVersions).discover(searching: plugins.directories)
            let outcome = await PluginHost(options: plugins.options).run(catalog.plugins, on: engine.documents, policies: engine.policies)
            added = outcome.findings + outcome.failures
            engine.problems += catalog.problems
            described = outcome.described
            silent = Set(catalog.plugins.map(\.name)).subtracting(described.map(\.plugin.name))
            calls = outcome.calls
            sources.merge(catalog.sources) { first, _ in first }
        }
        let pluginRules = plugins == nil ? nil : Set(described.flatMap { $0.rules.keys })
        var report = engine.report(adding: added, pluginRules: pluginRules, silentPlugins: silent)
        report.pluginsRun = described.count
        report.pluginCalls = calls
        let input = ReportInput(report: report, documents: engine.documents, policies: engine.policies,
                                plugins: described.map(Self.rules), checks: DiagnosticCodes.checks, codes: DiagnosticCodes.all,
                                failOn: failOn, toolVersion: TacetVersion.current,
                                workingDirectory: FileManager.default.currentDirectoryPath, linkBase: linkBase)
        return CheckRun(input: input, files: workspace.files, sources: sources)
    }

    /// A plugin's described rules as the reports show them.
    static func rules(_ plugin: DescribedPlugin) -> PluginRules {
        PluginRules(name: plugin.description.name, version: plugin.description.version,
                    rules: plugin.description.rules.map { rule in
                        RuleDescriptor(id: rule.id, summary: rule.summary, hint: rule.hint, severity: Severity(rule.severity),
                                       citations: rule.citations ?? [])
                    })
    }
}
