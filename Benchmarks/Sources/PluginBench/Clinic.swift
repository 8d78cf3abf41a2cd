import Corpus
import Dispatch
import Foundation
import TacetDocuments
import TacetPluginHost
import TacetTool

/// A clinic's scale with the shipped plugins (issue 17): in one process, the same 2,000-workflow corpus
/// checked with both shipped plugins and with --no-plugins, interleaved, the median round's ratio and
/// the plugin processes started; then one small workflow through the `tacet` binary, as processes, with
/// and without the plugins.
enum Clinic {
    /// The source tree: four folders above this file.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func run(files: Int, rounds: Int, jobs: Int) async throws {
        let root = try CheckCorpus.write(files: files, steps: 50, rules: 100)
        let today = CalendarDate(year: 2026, month: 11, day: 21) ?? .epoch
        let paths = [root + "/policy", root + "/roster", root + "/workflows"]
        let options = PluginRunOptions(jobs: jobs, hostEnvironment: ProcessInfo.processInfo.environment)
        let shipped = PluginSettings(directories: [repository + "/Plugins"], options: options)
        // The processes a run starts, counted by the host's own report.
        let documents = WorkspaceLoader().load(paths).documents
        let catalog = PluginDiscovery().discover([repository + "/Plugins"])
        let probe = await PluginHost(options: options).run(catalog.plugins, on: documents)
        // The corpus's policy has no consent task, so consent-coverage answers that it cannot judge each
        // workflow: an answer, not a broken call. Anything else means the plugins did not run.
        let broken = probe.failures.filter { $0.code != "plugin.could-not-judge" }
        guard broken.isEmpty, probe.described.count == 2 else {
            print("the shipped plugins failed: \(broken.prefix(3).map(\.message))")
            exit(1)
        }
        let versions = probe.described.map { "\($0.plugin.name) protocol \($0.version)" }.joined(separator: ", ")
        var without: [Double] = []
        var with: [Double] = []
        var findings = (0, 0)
        for round in 1...rounds {
            let bare = await time { findings.0 = await TacetTool.CheckCommand.run(paths: paths, today: today, plugins: nil).findings.count }
            let plugged = await time { findings.1 = await TacetTool.CheckCommand.run(paths: paths, today: today, plugins: shipped).findings.count }
            without.append(bare)
            with.append(plugged)
            print("round \(round): --no-plugins \(ms(bare)), both plugins \(ms(plugged)), \(String(format: "%.2f", plugged / bare))x")
        }
        let ratio = median(with) / median(without)
        print("""
            \(files) workflows x 50 steps, --jobs \(jobs), median of \(rounds) rounds (\(versions)):
              --no-plugins          \(ms(median(without)))  (\(findings.0) findings)
              both shipped plugins  \(ms(median(with)))  (\(findings.1) findings)
              ratio                 \(String(format: "%.2f", ratio))x (target <= 2x)
              plugin processes      \(probe.processes) per run (\(catalog.plugins.count) describe + \(probe.calls) check calls); \(probe.findings.count) plugin findings, \(probe.failures.count) documents a plugin could not judge
            """)
        try small(today: today, rounds: max(rounds, 10), jobs: jobs)
    }

    /// One 8-step workflow through the `tacet` binary (TACET_BIN, or the source tree's release build), as
    /// a user runs it: with both shipped plugins against --no-plugins.
    static func small(today: CalendarDate, rounds: Int, jobs: Int) throws {
        let binary = ProcessInfo.processInfo.environment["TACET_BIN"] ?? repository + "/.build/release/tacet"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("no tacet binary at \(binary): build it (swift build -c release) or set TACET_BIN")
            return
        }
        let folder = NSTemporaryDirectory() + "tacet-bench-small-plugins"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try CheckCorpus.workflow(0, steps: 8).write(toFile: folder + "/workflow.yaml", atomically: true, encoding: .utf8)
        let root = try CheckCorpus.write(files: 1, steps: 8, rules: 10)
        let common = ["check", root + "/policy", root + "/roster", folder + "/workflow.yaml", "--today", "2026-11-21", "--jobs", "\(jobs)"]
        var without: [Double] = []
        var with: [Double] = []
        var uncached: [Double] = []
        for _ in 0..<rounds {
            without.append(try process(binary, common + ["--no-plugins"]))
            with.append(try process(binary, common + ["--plugins", repository + "/Plugins"]))
            uncached.append(try process(binary, common + ["--plugins", repository + "/Plugins", "--no-cache"]))
        }
        print("""
            one 8-step workflow, tacet as a process, median of \(rounds):
              --no-plugins          \(ms(median(without)))
              both shipped plugins  \(ms(median(with)))  (2 check processes; describe answers from the cache)
              ratio                 \(String(format: "%.2f", median(with) / median(without)))x (target <= 2x)
              --no-cache            \(ms(median(uncached)))  (2 describe + 2 check processes), \(String(format: "%.2f", median(uncached) / median(without)))x
            """)
    }

    static func process(_ binary: String, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func time(_ body: () async -> Void) async -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}
