import Foundation
import Testing
import TacetPluginHost
import TacetTestSupport

/// The runner against real child processes that misbehave in every way the issue names.
///
/// Timeouts and grace periods given to the runner are the behaviour under test and stay as they are; the margins
/// for the runner's own work around them stretch under sanitizers (`TestTime`).
@Suite struct ChildProcessTests {
    func shell(_ script: String, input: [UInt8] = [], timeout: Double = 5, outputCap: Int = 1 << 20,
               environment: [String: String] = ["PATH": "/usr/bin:/bin"]) throws -> ProcessResult {
        try ChildProcess.run(ProcessSpec(executable: "/bin/sh", arguments: ["sh", "-c", script], environment: environment,
                                         workingDirectory: "/", input: input, timeout: timeout, gracePeriod: 0.5,
                                         outputCap: outputCap, errorCap: 64 * 1024))
    }

    @Test func echoesItsInputAndExitsCleanly() throws {
        let input = Array("{\"hello\": \"world\"}".utf8)
        let result = try shell("cat; echo oops >&2", input: input)
        #expect(result.output == input)
        #expect(String(decoding: result.errorOutput, as: UTF8.self) == "oops\n")
        #expect(result.termination == .exited(0))
        #expect(result.stop == nil)
        #expect(result.inputWritten == input.count)
    }

    @Test func reportsANonZeroExit() throws {
        #expect(try shell("exit 3").termination == .exited(3))
    }

    @Test func reportsACrashBySignal() throws {
        #expect(try shell("kill -SEGV $$").termination == .signalled(SIGSEGV))
    }

    @Test func killsAHangAtTheTimeoutAndItsChildren() throws {
        let result = try shell("sleep 1000 & echo $!; wait", timeout: 0.5)
        #expect(result.stop == .timeout(0.5))
        #expect(result.termination == .signalled(SIGTERM))
        #expect(result.elapsed < 0.5 + TestTime.scaled(3))
        let sleeper = try #require(ProcessProbe.pids(in: result.output).first)
        #expect(ProcessProbe.waitGone(sleeper))
    }

    @Test func killsAChildThatIgnoresSIGTERM() throws {
        let result = try shell("trap '' TERM; while :; do sleep 0.05; done", timeout: 0.3)
        #expect(result.stop == .timeout(0.3))
        #expect(result.termination == .signalled(SIGKILL))
        #expect(result.elapsed < 0.3 + 0.5 + TestTime.scaled(3))
    }

    @Test func stopsAGigabyteFloodAtTheCap() throws {
        let result = try shell("head -c 1073741824 /dev/zero", timeout: 30, outputCap: 1 << 20)
        #expect(result.stop == .outputCap(stream: "stdout", cap: 1 << 20))
        #expect(result.output.count == 1 << 20)
        #expect(result.elapsed < TestTime.scaled(10))
    }

    @Test func survivesAChildThatNeverReadsFiftyMegabytes() throws {
        let input = [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20)
        let result = try shell("echo '{}'", input: input)
        #expect(result.termination == .exited(0))
        #expect(String(decoding: result.output, as: UTF8.self) == "{}\n")
        #expect(result.inputWritten < input.count)
    }

    @Test func returnsWhenAGrandchildKeepsThePipesOpen() throws {
        let result = try shell("sleep 1000 & echo $!; echo done", timeout: 20)
        #expect(result.stop == nil)
        #expect(result.termination == .exited(0))
        #expect(result.elapsed < TestTime.scaled(3))
        let sleeper = try #require(ProcessProbe.pids(in: result.output).first)
        #expect(ProcessProbe.waitGone(sleeper))
    }

    @Test func killsAChildThatClosesItsPipesButRunsOn() throws {
        let result = try shell("exec >&- 2>&-; sleep 1000", timeout: 0.3)
        #expect(result.stop == .timeout(0.3))
        #expect(result.elapsed < 0.3 + TestTime.scaled(3))
    }

    @Test func passesExactlyTheEnvironmentItIsGiven() throws {
        setenv("TACET_TEST_SECRET", "hunter2", 1)
        defer { unsetenv("TACET_TEST_SECRET") }
        let result = try shell("env", environment: ["PATH": "/usr/bin:/bin", "ONLY": "this"])
        let variables = Set(String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init))
        #expect(variables.contains("ONLY=this"))
        #expect(!variables.contains { $0.hasPrefix("TACET_TEST_SECRET") })
    }

    @Test func putsTheChildInItsOwnProcessGroup() throws {
        let result = try shell("echo $$; cut -d' ' -f5 /proc/$$/stat")
        let numbers = String(decoding: result.output, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        try #require(numbers.count == 2)
        #expect(numbers[0] == numbers[1])
        #expect(numbers[0] != getpgrp())
    }

    @Test func refusesAMissingExecutable() {
        #expect(throws: SpawnError.self) {
            try ChildProcess.run(ProcessSpec(executable: "/nonexistent/plugin", arguments: ["plugin"], environment: [:],
                                             workingDirectory: "/", timeout: 1))
        }
    }

    /// A spec for `script` under sh, with `input` as its request.
    func started(_ script: String, input: [UInt8] = [], timeout: Double = 5) -> ProcessSpec {
        ProcessSpec(executable: "/bin/sh", arguments: ["sh", "-c", script], environment: ["PATH": "/usr/bin:/bin"],
                    workingDirectory: "/", input: input, timeout: timeout, gracePeriod: 0.5)
    }

    @Test func aChildStartedAheadIsFinishedOnceWithItsRequest() throws {
        let spec = started("cat; echo done >&2", input: Array("request".utf8))
        let child = try ChildProcess.start(spec)
        // The timeout counts from `finish`: a wait longer than it before the request costs nothing.
        var late = spec
        late.timeout = 1
        usleep(1_300_000)
        let result = try #require(child.finish(late))
        #expect(result.output == Array("request".utf8))
        #expect(result.stop == nil && result.termination == .exited(0))
        #expect(result.inputWritten == 7)
        #expect(child.finish(late) == nil)
        #expect(!ProcessProbe.isAlive(child.pid))
    }

    @Test func aChildStartedAheadAndReleasedUnfinishedIsKilledWithItsGroup() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/pids"
        var pids: [Int32] = []
        do {
            let child = try ChildProcess.start(started("sleep 1000 & echo $! > \(file); cat; wait"))
            pids.append(child.pid)
            let deadline = Date().addingTimeInterval(5)
            while (try? String(contentsOfFile: file, encoding: .utf8))?.hasSuffix("\n") != true, Date() < deadline { usleep(10_000) }
        }
        pids += ProcessProbe.pids(in: Array(FileManager.default.contents(atPath: file) ?? Data()))
        #expect(pids.count == 2)
        for pid in pids { #expect(ProcessProbe.waitGone(pid)) }
    }

    @Test func aChildStartedAheadForAnotherLaunchIsKilledNotUsed() throws {
        let child = try ChildProcess.start(started("cat"))
        var other = started("cat")
        other.arguments = ["sh", "-c", "cat; echo other"]
        #expect(child.finish(other) == nil)
        #expect(ProcessProbe.waitGone(child.pid))
        child.kill()
    }
}
