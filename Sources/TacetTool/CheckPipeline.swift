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
    /// What the outputs read of each workflow and plan beyond its findings (JUnit's and the HTML report's
    /// parts, the report's AI steps).
    package var retaining: Retention
    /// Whether workflows and learning plans are loaded one at a time as they are judged and then released
    /// (`check`, `report`), or kept among the run's documents for a command that reads them after the check
    /// (`notice` describes each workflow's steps).
    package var streaming = true
    /// How many workflows or plans a streaming run judges between two hand-offs to the plugins (``PluginStream``).
    package var window = 250

    /// Creates a pipeline.
    package init(today: CalendarDate, limits: YAMLLimits = .default, plugins: PluginSettings? = nil,
                failOn: Severity = .error, linkBase: String? = nil, retaining: Retention = []) {
        self.today = today
        self.limits = limits
        self.plugins = plugins
        self.failOn = failOn
        self.linkBase = linkBase
        self.retaining = retaining
    }

    /// Loads `paths` and judges them. No document at all is an input error, so an empty run never passes.
    ///
    /// Workflows and learning plans are not loaded here but one at a time as the engine judges them
    /// (``CheckEngine/run(_:today:excluding:governing:retaining:handoff:)``), so memory follows the largest
    /// file, not their number. Checker plugins get the ones of their kinds as the engine hands them on, in
    /// batches planned before any is loaded (``PluginStream``): each document is parsed once, and released
    /// once the engine and every plugin that checks it are done with it. With a ``cache`` (the editor's
    /// server, whose workspace is one team's and which checks on every keystroke) nothing is deferred, so
    /// that unchanged files are not parsed again.
    ///
    /// `overlay` holds files' contents by path, read instead of the files on disk (an editor's unsaved
    /// buffers); see ``WorkspaceLoader/load(_:overlay:deferring:)``.
    ///
    /// The plugins' `check` processes are started before the files are loaded (``PluginHost/prepare(_:)``),
    /// so that their start-up overlaps loading and judging; the ones the run does not need are killed, on
    /// every path out of here.
    package func run(paths: [String], overlay: [String: [UInt8]] = [:]) async -> CheckRun {
        let catalog = plugins.map { PluginDiscovery(limits: limits, hostVersions: $0.options.hostVersions).discover(searching: $0.directories) }
        let host = plugins.map { PluginHost(options: $0.options) }
        let prepared = catalog.flatMap { catalog in host?.prepare(catalog.plugins) } ?? .none
        // Whatever happens below, no process started ahead outlives the run.
        defer { prepared.discard() }
        let streams = streaming && cache == nil
        let deferring: Set<DocumentKind> = streams ? [.workflow, .learningPlan] : []
        let workspace = WorkspaceLoader(limits: limits, cache: cache).load(paths, overlay: overlay, deferring: deferring)
        var problems: [Diagnostic] = []
        if workspace.files.isEmpty {
            problems.append(.error(IOErrorCode.noDocuments, "no .yaml or .yml files found",
                                   at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1)))
        }
        if streams, let catalog, let host {
            return await stream(workspace, adding: problems, catalog: catalog, host: host, prepared: prepared)
        }
        return await run(workspace, adding: problems, catalog: catalog, host: host, prepared: prepared)
    }

    /// Judges the documents of `workspace`, adding `problems` found before it was loaded. Policy-test inputs
    /// among them are not judged as the team's own. `catalog` is the plugins already discovered, if any;
    /// `host` and `prepared`, the host that started processes ahead for them and what it started.
    package func run(_ workspace: Workspace, adding problems: [Diagnostic] = [], catalog discovered: PluginCatalog? = nil,
                     host: PluginHost? = nil, prepared: PluginPreparation = .none) async -> CheckRun {
        var engine = CheckEngine.run(workspace, today: today, excluding: PolicyTestInputs.files(in: workspace), retaining: retaining)
        engine.problems += problems
        var outcome: PluginRunReport?
        var catalog: PluginCatalog?
        if let plugins {
            let found = discovered
                ?? PluginDiscovery(limits: limits, hostVersions: plugins.options.hostVersions).discover(searching: plugins.directories)
            outcome = await (host ?? PluginHost(options: plugins.options))
                .run(found.plugins, on: engine.documents, policies: engine.policies, prepared: prepared)
            catalog = found
        }
        return finish(engine, workspace: workspace, plugins: outcome, catalog: catalog)
    }

    /// ``run(_:adding:catalog:host:prepared:)`` for a workspace whose workflows and plans are deferred, with
    /// plugins: the engine hands each loaded document of the plugins' kinds to a ``PluginStream`` before
    /// releasing it, on a thread of its own, which the stream holds up while enough documents wait for the
    /// plugins (the plugins' calls run on the tasks' threads meanwhile).
    func stream(_ workspace: Workspace, adding problems: [Diagnostic], catalog: PluginCatalog, host: PluginHost,
                prepared: PluginPreparation) async -> CheckRun {
        let excluding = PolicyTestInputs.files(in: workspace)
        let describing = await host.describe(catalog.plugins, prepared: prepared)
        let stream = PluginStream(host: host, described: describing.described,
                                  documents: workspace.documents.filter { !excluding.contains($0.file) }, prepared: prepared)
        let handoff = stream.handoff(window: window)
        let (today, retaining) = (today, retaining)
        var engine = await withCheckedContinuation { (continuation: CheckedContinuation<EngineCheck, Never>) in
            let thread = Thread {
                continuation.resume(returning: CheckEngine.run(workspace, today: today, excluding: excluding, retaining: retaining,
                                                               handoff: handoff))
            }
            // The parsers recurse as deep as a document nests (within the limits): the main thread's stack, not a thread's default.
            thread.stackSize = 8 << 20
            thread.start()
        }
        engine.problems += problems
        let (outcome, quoted) = await stream.finish(failures: describing.failures, describeProcesses: describing.processes)
        for (file, lines) in quoted { engine.quoted[file] = engine.quoted[file]?.merging(lines) ?? lines }
        return finish(engine, workspace: workspace, plugins: outcome, catalog: catalog)
    }

    /// The run's outcome from the engine's judgement and, when plugins ran, what they reported.
    private func finish(_ engine: EngineCheck, workspace: Workspace, plugins outcome: PluginRunReport?, catalog: PluginCatalog?) -> CheckRun {
        var engine = engine
        var sources = workspace.sources
        var added: [Diagnostic] = []
        var described: [DescribedPlugin] = []
        var silent = Set<String>()
        if let outcome, let catalog {
            added = outcome.findings + outcome.failures
            engine.problems += catalog.problems
            described = outcome.described
            silent = Set(catalog.plugins.map(\.name)).subtracting(described.map(\.plugin.name))
            sources.merge(catalog.sources) { first, _ in first }
        }
        let pluginRules = plugins == nil ? nil : Set(described.flatMap { $0.rules.keys })
        var report = engine.report(adding: added, pluginRules: pluginRules, silentPlugins: silent)
        report.pluginsRun = described.count
        report.pluginCalls = outcome?.calls ?? 0
        report.pluginProcesses = outcome?.processes ?? 0
        let input = ReportInput(report: report, documents: engine.documents, checked: engine.checked, stepsWithAI: engine.stepsWithAI,
                                policies: engine.policies,
                                plugins: described.map(Self.rules), checks: DiagnosticCodes.checks, codes: DiagnosticCodes.all,
                                failOn: failOn, toolVersion: TacetVersion.current,
                                workingDirectory: FileManager.default.currentDirectoryPath, linkBase: linkBase)
        return CheckRun(input: input, files: workspace.files, sources: sources, quoted: engine.quoted)
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
