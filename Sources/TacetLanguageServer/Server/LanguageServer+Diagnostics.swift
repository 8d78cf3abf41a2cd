import TacetDiagnostics
import TacetDocuments
import TacetPluginProtocol
import TacetTool

extension LanguageServer {
    /// Checks again if anything changed since the last check, and publishes every file's diagnostics that
    /// differ from what was published last: the open documents', and those of files a change elsewhere
    /// affects (a workflow whose reviewer's level was edited), cleared when they have none left.
    func publishIfStale() async {
        // Nothing open and nothing shown: no editor is looking, so nothing is checked (closing the last
        // buffer still checks once, so that what it showed is brought back to the files on disk).
        guard stale, !documents.isEmpty || !published.isEmpty else { return }
        guard let analysis = await check() else { return }
        let converter = DiagnosticConverter(documentationBase: documentationBase, ruleDefinitions: ruleDefinitions(analysis))
        let texts = analysis.run.sources.merging(scope?.sources ?? [:]) { current, _ in current }
        var cache: [String: SourceText] = [:]
        let text = { (file: String) -> SourceText? in
            if let known = cache[file] { return known }
            guard let bytes = texts[file] else { return nil }
            let source = SourceText(bytes: bytes)
            cache[file] = source
            return source
        }
        var current: [String: JSONValue] = [:]
        for (file, entries) in analysis.diagnostics {
            let source = text(file) ?? SourceText("")
            current[DocumentURI.uri(of: file)] = .array(entries.map { converter.convert($0.diagnostic, in: source, suppressedBy: $0.suppressedBy, text: text) })
        }
        let versions = Dictionary(documents.values.map { ($0.uri, $0.version) }) { first, _ in first }
        for uri in Set(current.keys).union(published.keys).sorted() {
            let diagnostics = current[uri] ?? .array([])
            guard published[uri] != diagnostics else { continue }
            var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": diagnostics]
            if let version = versions[uri] ?? nil { params["version"] = .number(Double(version)) }
            notify("textDocument/publishDiagnostics", .object(params))
            published[uri] = diagnostics == .array([]) ? nil : diagnostics
        }
    }

    /// The check of the workspace with the open documents as they are now, run again when stale.
    func check() async -> Analysis? {
        if !stale, let analysis { return analysis }
        if scope == nil { scope = WorkspaceScope.resolve(roots: roots, installation: options.installation, limits: options.limits) }
        let scope = self.scope ?? WorkspaceScope(paths: [], project: nil, problems: [], sources: [:])
        let overlay = Dictionary(documents.values.map { ($0.path, $0.bytes) }) { first, _ in first }
        guard !scope.paths.isEmpty || !overlay.isEmpty else { return nil }
        let runPlugins = pluginsDue
        var pipeline = CheckPipeline(today: options.today ?? .today(), limits: options.limits,
                                     plugins: runPlugins ? pluginSettings(scope) : nil)
        pipeline.cache = loadCache
        // Marked fresh before the run: a change arriving while it runs marks it stale again.
        stale = false
        pluginsDue = false
        let run = await pipeline.run(paths: scope.paths, overlay: overlay)
        let report = run.input.report
        var findings = report.findings
        if runPlugins {
            pluginFindings = findings.filter { $0.plugin != nil }
        } else {
            findings += pluginFindings
        }
        var byFile: [String: [(diagnostic: Diagnostic, suppressedBy: String?)]] = [:]
        for diagnostic in (scope.problems + report.problems + findings).sorted() {
            guard let file = diagnostic.location?.file else { continue }
            byFile[file, default: []].append((diagnostic, nil))
        }
        for entry in report.suppressed {
            guard let file = entry.finding.location?.file else { continue }
            byFile[file, default: []].append((entry.finding, entry.exception))
        }
        let analysis = Analysis(run: run, diagnostics: byFile)
        self.analysis = analysis
        symbols = nil
        return analysis
    }

    /// The plugin settings of a save's check: the project's plugin folders, its root's `Plugins`,
    /// `TACET_PLUGIN_PATH` and the shipped plugins, as `tacet check` searches them.
    private func pluginSettings(_ scope: WorkspaceScope) -> PluginSettings? {
        guard let options = options.plugins else { return nil }
        let root = scope.project?.projectRoot ?? roots.first ?? "/"
        let path = PluginSearchPath(flags: [], projectFolders: scope.project?.projectPlugins ?? [], projectRoot: scope.project?.projectRoot,
                                    workingDirectory: root, environment: self.options.environment, installation: self.options.installation)
        return PluginSettings.forCheck(path, options: options)
    }

    /// Where each policy rule is defined, by id, for the related information of its findings.
    private func ruleDefinitions(_ analysis: Analysis) -> [String: SourceLocation] {
        var definitions: [String: SourceLocation] = [:]
        for name in analysis.run.input.policies.keys.sorted() {
            for rule in analysis.run.input.policies[name]?.rules ?? [] where definitions[rule.id] == nil {
                definitions[rule.id] = rule.location
            }
        }
        return definitions
    }
}
