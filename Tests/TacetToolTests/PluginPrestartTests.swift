import Foundation
import Testing
import TacetDocuments
import TacetPluginHost
import TacetTestSupport
import TacetTool

/// The check pipeline starts the plugins' check processes before it loads the files; whichever way the
/// run ends (bad input, no document for a plugin, a normal check) no plugin process outlives it.
@Suite("Plugin processes started ahead")
struct PluginPrestartTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!

    /// A plugin whose check writes its pid and its grandchild's, then answers with no finding.
    static let script = """
        #!/bin/sh
        case "$1" in
        describe) cat >/dev/null
          printf '%s' '{"name":"ahead","version":"0.1.0","protocols":[1,2],"kinds":["Workflow"],"rules":[]}' ;;
        check) echo $$ >> "$TACET_PLUGIN_DIR/pids"; sleep 1000 & echo $! >> "$TACET_PLUGIN_DIR/pids"
          cat >/dev/null; printf '%s' '{"findings":[]}' ;;
        esac
        """

    /// Whether `pid` is a live process (a zombie counts as gone).
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].dropFirst().first
        return state != "Z" && state != "X"
    }

    /// The live processes whose environment names `folder` as their plugin folder: the plugin's and any
    /// it started, found in /proc, whoever their parent now is.
    static func processes(of folder: String) -> [Int32] {
        let marker = Array("TACET_PLUGIN_DIR=\(folder)\0".utf8)
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        return pids.filter { pid in
            guard Self.isAlive(pid), let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            let bytes = [UInt8](environ)
            guard bytes.count >= marker.count else { return false }
            return (0...(bytes.count - marker.count)).contains { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }
        }
    }

    /// `processes(of:)` once it is empty, waiting up to two seconds for killed processes to be gone.
    static func leftover(of folder: String) -> [Int32] {
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline, !processes(of: folder).isEmpty { usleep(10_000) }
        return processes(of: folder)
    }

    @Test("a run that exits 2 after starting a plugin ahead, and one with no document for it, leave no process")
    func noLeftoverProcess() async throws {
        let directory = try TemporaryDirectory()
        try PluginCommandTests.writePlugin("ahead", script: Self.script, in: directory)
        let folder = directory.path + "/Plugins/ahead"
        let options = PluginRunOptions(jobs: 2, hostEnvironment: ProcessInfo.processInfo.environment,
                                       describeCache: DescribeCache(directory: directory.path + "/cache"))
        let settings = PluginSettings(directories: [directory.path + "/Plugins"], options: options)
        let pipeline = CheckPipeline(today: Self.today, plugins: settings)

        // A normal run fills the describe cache; its check process (started live) and grandchild are gone after it.
        let good = await pipeline.run(paths: try PluginCommandTests.smallCheck(in: directory))
        #expect(good.status != .invalid, "\(good.input.report.problems.map(\.message))")
        #expect(good.input.report.pluginProcesses == 2)  // describe, then check
        #expect(Self.leftover(of: folder).isEmpty)

        // Now the check process starts ahead and the run uses it: one process, no describe.
        let again = await pipeline.run(paths: try PluginCommandTests.smallCheck(in: directory))
        #expect(again.status != .invalid)
        #expect(again.input.report.pluginProcesses == 1 && again.input.report.pluginCalls == 1)
        #expect(Self.leftover(of: folder).isEmpty)

        // Bad input only: exit 2, the process started ahead is killed unused, with its grandchild if it got that far.
        let broken = try directory.write("broken.yaml", "apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: [\n")
        let bad = await pipeline.run(paths: [broken])
        #expect(bad.status == .invalid)
        #expect(bad.input.report.pluginProcesses == 1 && bad.input.report.pluginCalls == 0)
        #expect(Self.leftover(of: folder).isEmpty)

        // No workflow, so no document of the plugin's kind: started ahead, killed unused.
        let none = await pipeline.run(paths: [Repository.path("Policies/music-therapy-ai-use.yaml")])
        #expect(none.input.report.pluginProcesses == 1 && none.input.report.pluginCalls == 0)
        #expect(Self.leftover(of: folder).isEmpty)

        // --no-plugins starts nothing at all.
        let starts = (try? String(contentsOfFile: folder + "/pids", encoding: .utf8))?.split(separator: "\n").count ?? 0
        let without = await CheckPipeline(today: Self.today).run(paths: [broken])
        #expect(without.status == .invalid)
        #expect(without.input.report.pluginProcesses == 0)
        #expect(((try? String(contentsOfFile: folder + "/pids", encoding: .utf8))?.split(separator: "\n").count ?? 0) == starts)
        // Every pid any run's plugin wrote is gone.
        for pid in ((try? String(contentsOfFile: folder + "/pids", encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) } {
            #expect(!Self.isAlive(pid), "process \(pid) outlived its run")
        }
    }
}
