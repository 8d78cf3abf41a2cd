import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost
import TacetPluginProtocol

/// The host against real misbehaving plugins: each fault is reported under its own code, with the
/// plugin's name and stderr, and leaves no process behind.
@Suite struct PluginHostTests {
    let findings = #"cat >/dev/null; printf '%s' '{"findings":[{"rule":"good/finding","severity":"warning","message":"Step two looks odd.","pointer":"/steps/1/ai","hint":"look again"}]}'"#

    func onlyFailure(_ report: PluginRunReport) throws -> Diagnostic {
        try #require(report.failures.count == 1, "failures: \(report.failures.map(\.message))")
        // A failure is Tacet's finding about the plugin, told apart by its origin, not by its code.
        #expect(report.failures[0].isPluginFailure && report.failures[0].plugin != nil)
        return report.failures[0]
    }

    @Test func mapsFindingsToFileLineAndColumn() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("good", check: findings)
        let document = try fixture.document()
        let (catalog, report) = await fixture.run(document)
        #expect(catalog.problems.isEmpty)
        #expect(report.failures.isEmpty)
        let finding = try #require(report.findings.first)
        #expect(finding.code == "good/finding")
        #expect(finding.origin == .plugin("good"))
        #expect(finding.severity == .warning)
        #expect(finding.location?.line == 12)
        #expect(finding.location?.column == 9)
        #expect(finding.pointer == "/steps/1/ai")
        #expect(finding.hint == "look again")
    }

    @Test func killsAHangingPluginAtItsTimeout() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("hang", check: #"cat >/dev/null; echo $$ > "$TACET_PLUGIN_DIR/pids"; sleep 1000 & echo $! >> "$TACET_PLUGIN_DIR/pids"; echo "thinking" >&2; wait"#,
                                        timeout: 1)
        // Wall time is asserted where nothing else competes for the test's threads: in
        // ChildProcessTests and, as a user sees it, through the binary in PluginCommandTests.
        let (_, report) = await fixture.run(try fixture.document())
        let failure = try onlyFailure(report)
        #expect(failure.code == "plugin.timeout")
        #expect(failure.severity == .error)
        #expect(failure.plugin == "hang")
        #expect(failure.message.contains("plugin 'hang' timed out after 1 s"))
        #expect(failure.notes.map(\.message) == ["stderr: thinking"])
        let pids = ProcessProbe.pids(in: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/pids"))))
        #expect(pids.count == 2)
        for pid in pids { #expect(ProcessProbe.waitGone(pid)) }
    }

    @Test func reportsACrashBySignal() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("crash", check: "cat >/dev/null; echo 'about to fail' >&2; kill -SEGV $$")
        let failure = try onlyFailure(await fixture.run(try fixture.document()).1)
        #expect(failure.code == "plugin.crashed")
        #expect(failure.message.contains("SIGSEGV"))
        #expect(failure.notes.first?.message == "stderr: about to fail")
    }

    @Test func reportsANonZeroExit() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("fails", check: "cat >/dev/null; exit 4")
        let failure = try onlyFailure(await fixture.run(try fixture.document()).1)
        #expect(failure.code == "plugin.exit-status")
        #expect(failure.message.contains("status 4"))
    }

    @Test func reportsGarbageOutput() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("garbage", check: "cat >/dev/null; echo 'Hello, I am not JSON'")
        let failure = try onlyFailure(await fixture.run(try fixture.document()).1)
        #expect(failure.code == "plugin.malformed-output")
        #expect(failure.message.contains("not JSON"))
    }

    @Test func reportsJSONOfTheWrongShape() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("shape", check: #"cat >/dev/null; echo '{"findings":[{"rule":"shape/finding","severity":"fatal","message":"x","pointer":""}]}'"#)
        let failure = try onlyFailure(await fixture.run(try fixture.document()).1)
        #expect(failure.code == "plugin.malformed-output")
        #expect(failure.message.contains("findings[0].severity"))
    }

    @Test func stopsAGigabyteFlood() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("flood", check: "cat >/dev/null; head -c 1073741824 /dev/zero", timeout: 60)
        let failure = try onlyFailure(await fixture.run(try fixture.document()).1)
        #expect(failure.code == "plugin.output-too-large")
        #expect(failure.message.contains("stdout"))
    }

    @Test func reportsAPluginThatAnswersWithoutReadingItsRequest() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("deaf", check: #"printf '%s' '{"findings":[]}'"#)
        // A request well past the pipe buffer, so the plugin cannot have taken it in by accident.
        let long = String(repeating: "Plan the group session carefully. ", count: 30_000)
        let document = try fixture.document(PluginFixture.workflow.replacingOccurrences(of: "Plan the group session.", with: long))
        let failure = try onlyFailure(await fixture.run(document).1)
        #expect(failure.code == "plugin.request-unread")
    }

    @Test func returnsWhenAGrandchildHoldsThePipes() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("forks", check: #"cat >/dev/null; sleep 1000 & echo $! > "$TACET_PLUGIN_DIR/pids"; printf '%s' '{"findings":[]}'"#,
                                        timeout: 30)
        let (_, report) = await fixture.run(try fixture.document())
        #expect(report.failures.isEmpty)
        #expect(report.findings.isEmpty)
        let pids = ProcessProbe.pids(in: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/pids"))))
        #expect(pids.count == 1)
        for pid in pids { #expect(ProcessProbe.waitGone(pid)) }
    }

    @Test func refusesAPluginWithNoSharedProtocolVersion() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("future", check: findings, describe: PluginFixture.describe("future", protocols: "[7, 8]"))
        let (_, report) = await fixture.run(try fixture.document())
        let failure = try onlyFailure(report)
        #expect(failure.code == "plugin.protocol")
        #expect(failure.message.contains("speaks protocol 7, 8; this Tacet speaks 1"))
        #expect(report.calls == 0)
    }

    @Test func negotiatesTheHighestSharedVersion() {
        #expect(PluginProtocol.negotiate(host: [1, 2, 3], plugin: [2, 3, 9]) == 3)
        #expect(PluginProtocol.negotiate(host: [1], plugin: [2]) == nil)
    }

    @Test func refusesACommandThatEscapesItsFolder() throws {
        let fixture = PluginFixture()
        try fixture.directory.write("outside.sh", "#!/bin/sh\necho '{}'\n")
        chmod(fixture.directory.path + "/outside.sh", 0o755)
        try fixture.plugin("dotdot", check: findings, command: "../../outside.sh")
        try fixture.plugin("absolute", check: findings, command: fixture.directory.path + "/outside.sh")
        let folder = try fixture.plugin("linked", check: findings, command: "./link.sh")
        symlink(fixture.directory.path + "/outside.sh", folder + "/link.sh")
        let catalog = PluginDiscovery().discover([fixture.plugins])
        #expect(catalog.plugins.isEmpty)
        let escapes = catalog.problems.filter { $0.code == "plugin.command-escapes" }
        #expect(escapes.count == 3)
        #expect(escapes.allSatisfy { $0.severity == .error && $0.location?.file.hasSuffix("plugin.yaml") == true })
        #expect(escapes.contains { $0.message.contains("outside the plugin folder") })
        #expect(escapes.contains { $0.message.contains("absolute path") })
    }

    @Test func keepsSecretsOutOfThePluginsEnvironment() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("env", check: #"cat >/dev/null; env > "$TACET_PLUGIN_DIR/env.txt"; printf '%s' '{"findings":[]}'"#)
        var environment = ProcessInfo.processInfo.environment
        environment["TACET_TEST_API_TOKEN"] = "s3cret"
        let options = PluginRunOptions(jobs: 1, hostEnvironment: environment)
        let (_, report) = await fixture.run(try fixture.document(), options: options)
        #expect(report.failures.isEmpty)
        let seen = try String(contentsOfFile: folder + "/env.txt", encoding: .utf8)
        #expect(!seen.contains("s3cret"))
        #expect(!seen.contains("TACET_TEST_API_TOKEN"))
        #expect(seen.contains("TACET_PLUGIN_NAME=env"))
        #expect(seen.contains("TACET_PROTOCOL_VERSIONS=1"))
        let names = Set(seen.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) })
        let allowed = Set(PluginEnvironment.passedThrough + ["TACET_PLUGIN_DIR", "TACET_PLUGIN_NAME", "TACET_PROTOCOL_VERSIONS"])
        // sh itself may add PWD, SHLVL and _.
        #expect(names.subtracting(allowed).subtracting(["PWD", "SHLVL", "_", "OLDPWD"]).isEmpty, "\(names)")
    }

    @Test func reportsAPointerThatNamesNothing() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("lost", check: #"cat >/dev/null; printf '%s' '{"findings":[{"rule":"lost/finding","severity":"error","message":"Here.","pointer":"/steps/9"}]}'"#)
        let failure = try onlyFailure(await fixture.run(try fixture.document()).1)
        #expect(failure.code == "plugin.bad-pointer")
        #expect(failure.message.contains("/steps/9"))
    }

    @Test func reportsARuleThePluginDidNotDescribe() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("liar", check: #"cat >/dev/null; printf '%s' '{"findings":[{"rule":"liar/other","severity":"error","message":"Here.","pointer":""}]}'"#)
        let failure = try onlyFailure(await fixture.run(try fixture.document()).1)
        #expect(failure.code == "plugin.undeclared-rule")
    }

    @Test func reportsAnErrorObjectAsUnjudged() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("unsure", check: #"cat >/dev/null; printf '%s' '{"error":{"message":"no policy in the request"}}'"#)
        let options = PluginRunOptions(jobs: 1, failureSeverity: .warning, hostEnvironment: [:])
        let failure = try onlyFailure(await fixture.run(try fixture.document(), options: options).1)
        #expect(failure.code == "plugin.could-not-judge")
        #expect(failure.severity == .warning)
        #expect(failure.message.contains("no policy in the request"))
    }

    @Test func theEarlierOfTwoPluginsWithOneNameShadowsTheLaterAndMismatchedFoldersAreRefused() throws {
        let fixture = PluginFixture()
        try fixture.plugin("twin", check: findings)
        // The later twin's manifest is invalid: shadowed, it is never read, so it is no problem.
        try fixture.directory.write("More/twin/plugin.yaml", "apiVersion: tacet/v1\nkind: Plugin\nmetadata: {name: twin}\n")
        try fixture.directory.write("More/other/plugin.yaml", "apiVersion: tacet/v1\nkind: Plugin\nmetadata: {name: not-other, version: 1.0.0}\ncommand: [./x]\nprotocols: [1]\nkinds: [Workflow]\n")
        let catalog = PluginDiscovery().discover([fixture.plugins, fixture.directory.path + "/More"])
        let root = try #require(FileIO.realPath(fixture.directory.path))
        #expect(catalog.plugins.map(\.name) == ["twin"])
        #expect(catalog.plugins.first?.folder == root + "/Plugins/twin")
        #expect(catalog.shadowed == [ShadowedPlugin(name: "twin", folder: root + "/More/twin", winner: root + "/Plugins/twin")])
        // Only the mismatched folder's problems: none from the shadowed twin.
        #expect(catalog.problems.allSatisfy { $0.location?.file.hasSuffix("/More/other/plugin.yaml") == true })
        #expect(catalog.problems.contains { $0.code == "plugin.invalid-name"
            && $0.message == "plugin 'not-other' lives in folder 'other'; the two must match" })
    }

    @Test func aMissingFolderIsAnErrorOnlyWhenTheUserNamedIt() throws {
        let fixture = PluginFixture()
        try fixture.plugin("good", check: findings)
        let missing = fixture.directory.path + "/Nowhere"
        let quiet = PluginDiscovery().discover(searching: [PluginDirectory(missing, origin: .workingDirectory),
                                                           PluginDirectory(missing, origin: .environment),
                                                           PluginDirectory(fixture.plugins, origin: .shipped)])
        #expect(quiet.problems.isEmpty)
        #expect(quiet.plugins.map(\.name) == ["good"])
        #expect(quiet.searched == [PluginDirectory(fixture.plugins, origin: .shipped)])
        for (origin, hint) in [(PluginDirectory.Origin.flag, "pass an existing folder to --plugins, or --no-plugins"),
                               (.project, "create it, or remove it from plugins: in tacet.yaml")] {
            let named = PluginDiscovery().discover(searching: [PluginDirectory(missing, origin: origin)])
            #expect(named.problems.map(\.code) == ["plugin.no-directory"])
            #expect(named.problems.first?.message == "plugin directory '\(missing)' does not exist")
            #expect(named.problems.first?.hint == hint)
        }
    }

    @Test func aFolderReachedTwiceIsSearchedOnce() throws {
        let fixture = PluginFixture()
        try fixture.plugin("good", check: findings)
        let link = fixture.directory.path + "/Linked"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture.plugins)
        let catalog = PluginDiscovery().discover(searching: [PluginDirectory(fixture.plugins, origin: .workingDirectory),
                                                             PluginDirectory(link, origin: .shipped)])
        #expect(catalog.plugins.map(\.name) == ["good"])
        #expect(catalog.shadowed.isEmpty)
        #expect(catalog.searched == [PluginDirectory(fixture.plugins, origin: .workingDirectory)])
    }

    @Test func checksThePinnedChecksum() throws {
        let fixture = PluginFixture()
        try fixture.plugin("pinned", check: findings, extraManifest: "sha256: \"" + String(repeating: "0", count: 64) + "\"")
        let catalog = PluginDiscovery().discover([fixture.plugins])
        #expect(catalog.plugins.isEmpty)
        #expect(catalog.problems.map(\.code) == ["plugin.checksum"])
    }

    @Test func acceptsTheRightChecksum() throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("pinned", check: findings)
        let sum = try ChildProcess.run(ProcessSpec(executable: "/usr/bin/sha256sum", arguments: ["sha256sum", "plugin.sh"],
                                                   environment: [:], workingDirectory: folder, timeout: 10))
        let hex = try #require(String(decoding: sum.output, as: UTF8.self).split(separator: " ").first)
        try fixture.directory.write("Plugins/pinned/plugin.yaml", String(contentsOfFile: folder + "/plugin.yaml", encoding: .utf8)
            + "sha256: \"\(hex)\"\n")
        let catalog = PluginDiscovery().discover([fixture.plugins])
        #expect(catalog.problems.isEmpty)
        #expect(catalog.plugins.map(\.name) == ["pinned"])
    }

    @Test func runsPluginsInParallelUpToJobs() async throws {
        let fixture = PluginFixture()
        for index in 0..<4 {
            try fixture.plugin("slow-\(index)", check: #"cat >/dev/null; sleep 0.3; printf '%s' '{"findings":[]}'"#)
        }
        let document = try fixture.document()
        let catalog = PluginDiscovery().discover([fixture.plugins])
        let host = PluginHost(options: PluginRunOptions(jobs: 2, hostEnvironment: [:]))
        let report = await host.run(catalog.plugins, on: [document])
        #expect(report.failures.isEmpty)
        #expect(report.calls == 4)
        #expect(host.supervisor.peak == 2)
        #expect(host.supervisor.started == 8)
    }
}
