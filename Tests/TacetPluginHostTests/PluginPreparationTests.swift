import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost

/// Plugin processes started ahead of the documents (`PluginHost.prepare`): the first call of each plugin
/// uses its process, a process no call needs is killed, and every fault of a call is reported as it is
/// when the call starts its own process, with nothing left running.
@Suite struct PluginPreparationTests {
    /// Writes its pid (and later its grandchild's) before reading the request: proof it was started.
    static let announce = #"echo $$ >> "$TACET_PLUGIN_DIR/pids"; "#

    /// A `check` that reads its request and finds nothing.
    static let quiet = #"cat >/dev/null; printf '%s' '{"findings":[]}'"#

    /// Options with a describe cache in the fixture's folder, still empty.
    static func emptyCacheOptions(_ fixture: borrowing PluginFixture, jobs: Int = 2) -> PluginRunOptions {
        var options = PluginFixture.options
        options.jobs = jobs
        options.describeCache = DescribeCache(directory: fixture.directory.path + "/cache")
        return options
    }

    /// Options with a describe cache in the fixture's folder, filled for every plugin there.
    static func cachedOptions(_ fixture: borrowing PluginFixture, jobs: Int = 2) async throws -> PluginRunOptions {
        let options = emptyCacheOptions(fixture, jobs: jobs)
        let host = PluginHost(options: options)
        for plugin in PluginDiscovery().discover([fixture.plugins]).plugins {
            guard case .success = await host.describe(plugin) else { throw PluginFixture.FixtureError(message: "\(plugin.name) did not describe itself") }
        }
        return options
    }

    /// The pids `folder`/pids holds, once it holds `count` of them (waiting up to five seconds).
    static func pids(in folder: String, count: Int = 1) throws -> [Int32] {
        let deadline = Date().addingTimeInterval(5)
        while true {
            let pids = ProcessProbe.pids(in: Array((try? Data(contentsOf: URL(fileURLWithPath: folder + "/pids"))) ?? Data()))
            if pids.count >= count || Date() > deadline { return pids }
            usleep(10_000)
        }
    }

    @Test func theFirstCallUsesTheProcessStartedAhead() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("ahead", check: Self.announce + Self.quiet)
        let options = try await Self.cachedOptions(fixture)
        let host = PluginHost(options: options)
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        let prepared = host.prepare(plugins)
        #expect(prepared.described.keys.sorted() == ["ahead"])
        #expect(prepared.waiting == 1)
        // Started and waiting for its request before any document exists.
        let pid = try #require(try Self.pids(in: folder).first)
        #expect(ProcessProbe.isAlive(pid))
        let report = await host.run(plugins, on: [try fixture.document()], prepared: prepared)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
        #expect(report.startedAhead == 1 && report.unused == 0)
        // No describe (cached) and no second check process: the one started ahead answered.
        #expect(report.processes == 1 && report.calls == 1)
        #expect(host.supervisor.started == 1)
        #expect(try Self.pids(in: folder) == [pid])
        #expect(ProcessProbe.waitGone(pid))
        #expect(host.supervisor.running == 0)
    }

    @Test func aProcessStartedAheadThatNoCallNeedsIsKilled() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("idle", check: Self.announce + #"sleep 1000 & echo $! >> "$TACET_PLUGIN_DIR/pids"; cat >/dev/null; wait"#)
        let options = try await Self.cachedOptions(fixture)
        let host = PluginHost(options: options)
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        let prepared = host.prepare(plugins)
        let pids = try Self.pids(in: folder, count: 2)
        #expect(pids.count == 2)
        // No document of the plugin's kinds: the process and its grandchild are killed, never sent a request.
        let report = await host.run(plugins, on: [], prepared: prepared)
        #expect(report.startedAhead == 1 && report.unused == 1 && report.calls == 0 && report.processes == 1)
        #expect(prepared.waiting == 0)
        for pid in pids { #expect(ProcessProbe.waitGone(pid)) }
        #expect(host.supervisor.running == 0)
    }

    @Test func releasingAPreparationUnusedKillsItsProcesses() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("dropped", check: Self.announce + #"sleep 1000 & echo $! >> "$TACET_PLUGIN_DIR/pids"; cat >/dev/null; wait"#)
        let options = try await Self.cachedOptions(fixture)
        let host = PluginHost(options: options)
        var pids: [Int32] = []
        do {
            let prepared = host.prepare(PluginDiscovery().discover([fixture.plugins]).plugins)
            #expect(prepared.waiting == 1)
            // Kept alive until the pids are read: ARC may release an object after its last use.
            try withExtendedLifetime(prepared) {
                pids = try Self.pids(in: folder, count: 2)
                for pid in pids { #expect(ProcessProbe.isAlive(pid)) }
            }
        }
        // Released without a run: the process and its grandchild are gone.
        #expect(pids.count == 2)
        for pid in pids { #expect(ProcessProbe.waitGone(pid)) }
        #expect(host.supervisor.running == 0)
    }

    @Test func aPluginTheCacheDoesNotDescribeKeepsASlotForItsDescribe() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("known", check: Self.quiet)
        let options = try await Self.cachedOptions(fixture, jobs: 1)
        try fixture.plugin("new", check: Self.quiet)
        let host = PluginHost(options: options)
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        // One slot, and 'new' needs it for a live describe: the process started for 'known' before the cache
        // was read is killed again, so the run does not wait forever.
        let prepared = host.prepare(plugins)
        #expect(prepared.described.keys.sorted() == ["known"])
        // Started, then killed and reaped (perhaps before its shell got as far as writing its pid).
        #expect(prepared.waiting == 0 && prepared.discarded == 1)
        #expect(host.supervisor.started == 1 && host.supervisor.running == 0)
        let report = await host.run(plugins, on: [try fixture.document()], prepared: prepared)
        #expect(report.failures.isEmpty)
        // new's describe, a check call each, and the process killed unused.
        #expect(report.processes == 4 && report.calls == 2 && report.startedAhead == 1 && report.unused == 1)
        #expect(host.supervisor.peak == 1)
        // Both answers cached now: with two slots both start ahead; with one, only the first.
        #expect(host.prepare(plugins).waiting == 1)
        #expect(PluginHost(options: { var two = options; two.jobs = 2; return two }()).prepare(plugins).waiting == 2)
    }

    @Test func aPluginTheCacheDoesNotDescribeIsStartedAheadWhenASlotIsLeftForItsDescribe() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("fresh", check: Self.announce + Self.quiet)
        let host = PluginHost(options: Self.emptyCacheOptions(fixture))
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        // Started before the cache was read, which turns out to hold nothing: the other slot takes the describe.
        let prepared = host.prepare(plugins)
        #expect(prepared.described.isEmpty && prepared.waiting == 1)
        let pid = try #require(try Self.pids(in: folder).first)
        let report = await host.run(plugins, on: [try fixture.document()], prepared: prepared)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
        // The live describe, then the one call on the process started ahead.
        #expect(report.processes == 2 && report.calls == 1 && report.startedAhead == 1 && report.unused == 0)
        #expect(try Self.pids(in: folder) == [pid])
        #expect(host.supervisor.running == 0)
    }

    @Test func aProcessWhosePluginTheCacheAnswersWithNoKindsIsKilledAtOnce() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("kindless", check: Self.quiet,
                           describe: #"{"name":"kindless","version":"1.0.0","protocols":[1],"kinds":[],"rules":[]}"#)
        let options = try await Self.cachedOptions(fixture)
        let host = PluginHost(options: options)
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        let prepared = host.prepare(plugins)
        #expect(prepared.described.keys.sorted() == ["kindless"])
        // Started before the cache was read, then killed and reaped, its slot given back.
        #expect(prepared.waiting == 0 && prepared.discarded == 1)
        #expect(host.supervisor.started == 1 && host.supervisor.running == 0)
        let report = await host.run(plugins, on: [try fixture.document()], prepared: prepared)
        #expect(report.calls == 0 && report.processes == 1 && report.startedAhead == 1 && report.unused == 1)
    }

    @Test func aProcessStartedAheadForAPluginWhoseDescribeFailsIsKilledWhenTheStreamBegins() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("broken", check: Self.announce + Self.quiet,
                                        describe: "not an answer")
        let host = PluginHost(options: Self.emptyCacheOptions(fixture))
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        // The cache holds nothing, and a slot is left for the describe: the check process is started ahead.
        let prepared = host.prepare(plugins)
        #expect(prepared.waiting == 1)
        _ = try Self.pids(in: folder)
        let describing = await host.describe(plugins, prepared: prepared)
        #expect(describing.described.isEmpty && describing.failures.count == 1)
        // A streaming check would hold it (and its slot) until the end: the stream kills it as it is made.
        let stream = PluginStream(host: host, described: describing.described, documents: [try fixture.document()], prepared: prepared)
        #expect(host.supervisor.running == 0)
        let (report, _) = await stream.finish(failures: describing.failures, describeProcesses: describing.processes)
        #expect(report.calls == 0 && report.startedAhead == 1 && report.unused == 1 && report.processes == 2)
        #expect(report.failures.count == 1)
    }

    @Test func aSlotGivenBackByAKindlessPluginGoesToTheNextPluginTheCacheAnswered() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("a-kindless", check: Self.quiet,
                           describe: #"{"name":"a-kindless","version":"1.0.0","protocols":[1],"kinds":[],"rules":[]}"#)
        try fixture.plugin("b-first", check: Self.quiet)
        let third = try fixture.plugin("c-third", check: Self.announce + Self.quiet)
        let host = PluginHost(options: try await Self.cachedOptions(fixture, jobs: 2))
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        #expect(plugins.map(\.name) == ["a-kindless", "b-first", "c-third"])
        // Two slots: a-kindless and b-first start first; a-kindless's is given back once the cache is read, to c-third.
        let prepared = host.prepare(plugins)
        #expect(prepared.waiting == 2 && prepared.discarded == 1)
        #expect(host.supervisor.started == 3 && host.supervisor.running == 2)
        let pid = try #require(try Self.pids(in: third).first)
        let report = await host.run(plugins, on: [try fixture.document()], prepared: prepared)
        #expect(report.failures.isEmpty)
        #expect(report.calls == 2 && report.startedAhead == 3 && report.unused == 1 && report.processes == 3)
        #expect(try Self.pids(in: third) == [pid])
        #expect(host.supervisor.running == 0)
    }

    @Test func nothingIsStartedAheadWithoutACacheOrWhileTheCacheIsRefreshed() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("quiet", check: Self.quiet)
        let cached = try await Self.cachedOptions(fixture)
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        var none = cached
        none.describeCache = nil
        var refreshing = cached
        refreshing.describeCache = DescribeCache(directory: fixture.directory.path + "/cache", mode: .refresh)
        for options in [none, refreshing] {
            let host = PluginHost(options: options)
            let prepared = host.prepare(plugins)
            #expect(prepared.waiting == 0 && prepared.described.isEmpty && host.supervisor.started == 0)
        }
        // The same cache read as usual does start one: the two above are not idle for another reason.
        let host = PluginHost(options: cached)
        #expect(host.prepare(plugins).waiting == 1)
    }

    @Test(arguments: ["[1]", "[2]"])
    func aCheckWhoseProcessCannotBeStartedIsNotCountedAsACallOrAProcess(protocols: String) async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("unstartable", check: Self.quiet, protocols: protocols)
        // An interpreter that does not exist: found and executable, but every start of it fails.
        chmod(try fixture.directory.write("Plugins/unstartable/plugin.sh", "#!/nonexistent/tacet-test-shell\n"), 0o755)
        let options = Self.emptyCacheOptions(fixture, jobs: 1)
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        let plugin = try #require(plugins.first)
        // Its describe answer comes from the cache, so only the check calls have to start it.
        let cache = try #require(options.describeCache)
        let key = try #require(cache.key(for: plugin, hostVersions: options.hostVersions))
        cache.store(Array(PluginFixture.describe("unstartable", protocols: protocols).utf8), for: key)
        let host = PluginHost(options: options)
        let prepared = host.prepare(plugins)
        #expect(prepared.described.keys.sorted() == ["unstartable"] && prepared.waiting == 0)
        let report = await host.run(plugins, on: try fixture.documents(2), prepared: prepared)
        // Both documents carry the failure (one call each under protocol 1, one batch under 2), and no call
        // or process is counted: none was started.
        #expect(report.failures.count == 2 && report.failures.allSatisfy { $0.code == "plugin.spawn-failed" },
                "\(report.failures.map(\.message))")
        #expect(report.calls == 0 && report.processes == 0 && report.startedAhead == 0)
        #expect(host.supervisor.started == 0 && host.supervisor.running == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/pids"))
    }

    @Test func theTimeoutCountsFromTheRequestNotFromTheStart() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("patient", check: Self.announce + Self.quiet, timeout: 1)
        let options = try await Self.cachedOptions(fixture)
        let host = PluginHost(options: options)
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        let prepared = host.prepare(plugins)
        _ = try Self.pids(in: folder)
        // Longer than the plugin's timeout passes before the request is ready: the call still has its 1 s.
        usleep(1_300_000)
        let report = await host.run(plugins, on: [try fixture.document()], prepared: prepared)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
        #expect(report.startedAhead == 1 && report.processes == 1)
    }

    /// A fault, the code it is reported under, and the protocol the plugin speaks.
    struct Fault: Sendable, CustomStringConvertible {
        let name: String
        let check: String
        let code: String
        var timeout: Double = 5
        var description: String { name }
    }

    static let faults: [Fault] = [
        Fault(name: "hang", check: #"cat >/dev/null; sleep 1000 & echo $! >> "$TACET_PLUGIN_DIR/pids"; wait"#, code: "plugin.timeout", timeout: 1),
        Fault(name: "crash", check: "cat >/dev/null; kill -SEGV $$", code: "plugin.crashed"),
        Fault(name: "status", check: "cat >/dev/null; exit 4", code: "plugin.exit-status"),
        Fault(name: "garbage", check: "cat >/dev/null; echo 'not JSON'", code: "plugin.malformed-output"),
        Fault(name: "flood", check: "cat >/dev/null; head -c 1073741824 /dev/zero", code: "plugin.output-too-large", timeout: 60),
        Fault(name: "deaf", check: #"printf '%s' '{"findings":[]}'"#, code: "plugin.request-unread"),
    ]

    @Test(arguments: faults, ["[1]", "[2]"])
    func aFaultOfACallOnAProcessStartedAheadIsReportedOnEveryDocument(_ fault: Fault, protocols: String) async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("faulty", check: Self.announce + fault.check, timeout: fault.timeout, protocols: protocols)
        // One slot: protocol 2 sends both documents in one batch.
        let options = try await Self.cachedOptions(fixture, jobs: 1)
        let host = PluginHost(options: options)
        let plugins = PluginDiscovery().discover([fixture.plugins]).plugins
        let prepared = host.prepare(plugins)
        #expect(prepared.waiting == 1)
        // Requests well past the pipe buffer, so a plugin that does not read cannot have taken them in.
        let long = String(repeating: "Plan the group session carefully. ", count: 30_000)
        let paths = try (0..<2).map { index in
            try fixture.directory.write("long-\(index).yaml", PluginFixture.workflow.replacingOccurrences(of: "Plan the group session.", with: long))
        }
        let documents = WorkspaceLoader().load(paths).documents
        try #require(documents.count == 2)
        let report = await host.run(plugins, on: documents, prepared: prepared)
        #expect(report.startedAhead == 1 && report.unused == 0)
        // Protocol 2 sends both documents in the one call the process started ahead answers; protocol 1
        // sends the first there and starts a process for the second once the slot is free.
        #expect(report.calls == (protocols == "[2]" ? 1 : 2))
        #expect(report.failures.count == 2, "\(report.failures.map(\.message))")
        #expect(report.failures.allSatisfy { $0.code == fault.code }, "\(report.failures.map(\.message))")
        for pid in try Self.pids(in: folder) { #expect(ProcessProbe.waitGone(pid)) }
        #expect(host.supervisor.running == 0)
    }
}
