import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost
import TacetTestSupport
@testable import TacetTool

/// With plugins, a check streams the documents of the plugins' kinds to them as it judges them
/// (``PluginStream``): what it reports must be what the run that loads every document first reports, with
/// the same batches (shared out per `--jobs`), each batch's failure on every document it covered.
@Suite("Streaming to plugins", .serialized)
struct StreamingPluginTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!  // invariant: a valid date literal

    /// The same pipeline loading every document first (the editor's and `notice`'s way) and streaming them.
    static func both(_ paths: [String], plugins: PluginSettings, window: Int = 250,
                     outlines: Bool = false) async -> (loaded: CheckRun, streamed: CheckRun) {
        var loaded = CheckPipeline(today: today, plugins: plugins)
        loaded.streaming = false
        var streamed = CheckPipeline(today: today, plugins: plugins)
        if outlines {
            loaded.retaining = .outlines
            streamed.retaining = .outlines
        }
        streamed.window = window
        return (await loaded.run(paths: paths), await streamed.run(paths: paths))
    }

    static func options(jobs: Int) -> PluginRunOptions {
        PluginRunOptions(jobs: jobs, hostEnvironment: ProcessInfo.processInfo.environment, gracePeriod: 0.5)
    }

    @Test("the shipped plugins find on streamed documents what they find on loaded ones, in every window size")
    func shippedPlugins() async throws {
        let paths = ["Policies", "Curricula", "Examples", StreamingCheckTests.fixture + "/team"].map { Repository.root + "/" + $0 }
        let plugins = PluginSettings(directories: [Repository.root + "/Plugins"], options: Self.options(jobs: 2))
        for window in [1, 3, 250] {
            let (loaded, streamed) = await Self.both(paths, plugins: plugins, window: window, outlines: true)
            let report = streamed.input.report
            #expect(report.findings.contains { $0.plugin == "phi-scan" }, "the sample team has a phi-scan finding")
            #expect(report.findings.contains { $0.plugin == "consent-coverage" })
            #expect(report.findings == loaded.input.report.findings)
            #expect(report.problems == loaded.input.report.problems)
            #expect(report.pluginCalls == loaded.input.report.pluginCalls)
            #expect(report.pluginsRun == 2)
            #expect(streamed.input.checked.map(\.file) == loaded.input.checked.map(\.file))
            // Released: no workflow or plan among the documents, and no file's bytes beyond the lines quoted.
            #expect(!streamed.input.documents.contains { $0.kind == .workflow || $0.kind == .learningPlan })
            let phi = try #require(report.findings.first { $0.plugin == "phi-scan" }?.location)
            #expect(streamed.sources[phi.file] == nil)
            #expect(streamed.quoted[phi.file]?.numbers.contains(phi.line) == true)
            let line = String(decoding: try #require(streamed.quoted[phi.file]).bytes, as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false)[phi.line - 1]
            let expected = String(decoding: try #require(loaded.sources[phi.file]), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false)[phi.line - 1]
            #expect(line == expected)
        }
    }

    /// Writes a protocol 2 plugin `name` of `kind` whose `check` answers `answer` after reading its request.
    static func plugin(_ name: String, protocols: String = "[2]", kind: String = "Workflow", answer: String,
                       in directory: borrowing TemporaryDirectory) throws {
        try directory.write("Plugins/\(name)/plugin.yaml", """
            apiVersion: tacet/v1
            kind: Plugin
            metadata: {name: \(name), version: 0.1.0}
            command: [./plugin.sh]
            protocols: \(protocols)
            kinds: [\(kind)]
            """)
        let describe = #"{"name":"\#(name)","version":"0.1.0","protocols":\#(protocols),"kinds":["\#(kind)"],"#
            + #""rules":[{"id":"\#(name)/odd","severity":"warning","summary":"Something odd."}]}"#
        chmod(try directory.write("Plugins/\(name)/plugin.sh", """
            #!/bin/sh
            cat >/dev/null
            case "$1" in
            describe) printf '%s' '\(describe)' ;;
            check) printf '%s' '\(answer)' ;;
            esac
            """), 0o755)
    }

    /// `count` small workflows of about one size, `w0.yaml`..., under `directory`.
    static func workflows(_ count: Int, in directory: borrowing TemporaryDirectory) throws -> [String] {
        try (0..<count).map { index in
            try directory.write("team/w\(index).yaml", """
                apiVersion: tacet/v1
                kind: Workflow
                metadata: {name: w\(index)}
                steps:
                  - {id: s, task: session-planning, ai: human-only, performer: t-ana}
                """)
        }
    }

    @Test("streamed batches are shared out per --jobs as loaded ones are, and a batch's failure is on each document it covered")
    func batchesPerJobs() async throws {
        let directory = try TemporaryDirectory()
        for name in ["first", "second"] { try Self.plugin(name, answer: #"{"error":{"message":"no"}}"#, in: directory) }
        _ = try Self.workflows(5, in: directory)
        let paths = [Repository.root + "/Policies/music-therapy-ai-use.yaml", Repository.root + "/Examples/pediatrics/therapists",
                     directory.path + "/team"]
        let plugins = PluginSettings(directories: [directory.path + "/Plugins"], options: Self.options(jobs: 4))
        for window in [1, 2, 250] {
            let (loaded, streamed) = await Self.both(paths, plugins: plugins, window: window)
            let report = streamed.input.report
            // Four slots shared by two plugins: two batches each (of 3 and 2 documents), four calls in all.
            #expect(report.pluginCalls == 4)
            let failures = report.findings.filter(\.isPluginFailure)
            #expect(failures.count == 10)
            #expect(Set(failures.map(\.message)) == [
                "plugin 'first' could not judge this batch of 3 documents: no (check of 3 documents)",
                "plugin 'first' could not judge this batch of 2 documents: no (check of 2 documents)",
                "plugin 'second' could not judge this batch of 3 documents: no (check of 3 documents)",
                "plugin 'second' could not judge this batch of 2 documents: no (check of 2 documents)",
            ])
            #expect(Set(failures.compactMap(\.location?.file)).count == 5)
            #expect(report.findings == loaded.input.report.findings)
            #expect(report.pluginProcesses == loaded.input.report.pluginProcesses)
        }
    }

    @Test("a protocol 1 plugin still gets one call per streamed document, and its findings are mapped to each file")
    func protocolOne() async throws {
        let directory = try TemporaryDirectory()
        try Self.plugin("single", protocols: "[1]",
                        answer: #"{"findings":[{"rule":"single/odd","severity":"warning","message":"Old-style.","pointer":"/steps/0/ai"}]}"#,
                        in: directory)
        let files = try Self.workflows(3, in: directory)
        let paths = [Repository.root + "/Policies/music-therapy-ai-use.yaml", Repository.root + "/Examples/pediatrics/therapists",
                     directory.path + "/team"]
        let plugins = PluginSettings(directories: [directory.path + "/Plugins"], options: Self.options(jobs: 2))
        let (loaded, streamed) = await Self.both(paths, plugins: plugins, window: 2)
        let report = streamed.input.report
        #expect(report.pluginCalls == 3)
        let findings = report.findings.filter { $0.plugin == "single" }
        #expect(findings.compactMap(\.location?.file) == files)
        #expect(findings.allSatisfy { $0.location?.line == 5 && $0.location?.column == 41 })
        #expect(report.findings == loaded.input.report.findings)
        #expect(streamed.quoted[files[0]]?.numbers.contains(5) == true)
    }

    @Test("a process started ahead for a plugin of plans gives its slot to a workflow call the check waits on", .timeLimit(.minutes(2)))
    func startedAheadGivesItsSlotBack() async throws {
        let directory = try TemporaryDirectory()
        // Found first, so with one slot and a warm cache its check process is the one started ahead; it gets
        // nothing to check before the last workflow, while the workflows' calls need that slot.
        try Self.plugin("a-plans", protocols: "[1]", kind: "LearningPlan", answer: #"{"findings":[]}"#, in: directory)
        try Self.plugin("b-flows", protocols: "[1]", answer: #"{"findings":[]}"#, in: directory)
        _ = try Self.workflows(6, in: directory)
        let paths = [Repository.root + "/Policies/music-therapy-ai-use.yaml", Repository.root + "/Examples/pediatrics/therapists",
                     directory.path + "/team", Repository.root + "/Examples/pediatrics/plans/t-ana-plan.yaml"]
        var options = Self.options(jobs: 1)
        options.describeCache = DescribeCache(directory: directory.path + "/cache")
        var pipeline = CheckPipeline(today: Self.today, plugins: PluginSettings(directories: [directory.path + "/Plugins"], options: options))
        pipeline.window = 1
        // The first run fills the cache; the second starts a-plans' process ahead, and waited for ever before.
        _ = await pipeline.run(paths: paths)
        let report = await pipeline.run(paths: paths).input.report
        #expect(report.pluginsRun == 2)
        #expect(!report.findings.contains { $0.isPluginFailure } && !report.problems.contains { $0.isPluginFailure })
        // Six workflow calls and one plan call, each its own process, plus the process killed unused.
        #expect(report.pluginCalls == 7)
        #expect(report.pluginProcesses == 8)
    }

    @Test("a call whose process cannot be started is a failure on its documents, but not a call or a process of the run",
          arguments: ["[1]", "[2]"])
    func unstartableCalls(protocols: String) async throws {
        let directory = try TemporaryDirectory()
        try Self.plugin("unstartable", protocols: protocols, answer: #"{"findings":[]}"#, in: directory)
        // An interpreter that does not exist: found and executable, but every start of it fails.
        chmod(try directory.write("Plugins/unstartable/plugin.sh", "#!/nonexistent/tacet-test-shell\n"), 0o755)
        _ = try Self.workflows(3, in: directory)
        var options = Self.options(jobs: 2)
        let cache = DescribeCache(directory: directory.path + "/cache")
        options.describeCache = cache
        // Its describe answer comes from the cache, so only the check calls have to start it.
        let plugin = try #require(PluginDiscovery().discover([directory.path + "/Plugins"]).plugins.first)
        let key = try #require(cache.key(for: plugin, hostVersions: options.hostVersions))
        cache.store(Array((#"{"name":"unstartable","version":"0.1.0","protocols":\#(protocols),"kinds":["Workflow"],"#
                           + #""rules":[{"id":"unstartable/odd","severity":"warning","summary":"Something odd."}]}"#).utf8), for: key)
        let paths = [Repository.root + "/Policies/music-therapy-ai-use.yaml", Repository.root + "/Examples/pediatrics/therapists",
                     directory.path + "/team"]
        let (loaded, streamed) = await Self.both(paths, plugins: PluginSettings(directories: [directory.path + "/Plugins"], options: options))
        for run in [loaded, streamed] {
            let report = run.input.report
            #expect(report.pluginsRun == 1)
            let failures = report.findings.filter(\.isPluginFailure)
            #expect(failures.count == 3 && failures.allSatisfy { $0.code == "plugin.spawn-failed" }, "\(failures.map(\.message))")
            #expect(report.pluginCalls == 0 && report.pluginProcesses == 0)
        }
    }

    @Test("the lines plugins quote merge with the engine's: each kept once, at its number")
    func quotedLinesMerge() {
        let bytes = Array("a\nb\nc\nd".utf8)
        let merged = QuotedLines(of: bytes, keeping: [1, 3]).merging(QuotedLines(of: bytes, keeping: [3, 4]))
        #expect(merged.numbers == [1, 3, 4])
        #expect(merged.bytes == Array("a\n\nc\nd".utf8))
        #expect(QuotedLines(of: bytes, keeping: []).merging(merged) == merged)
    }
}
