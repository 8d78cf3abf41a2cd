import Corpus
import Dispatch
import Foundation
import TacetDocuments
import TacetPluginHost
import TacetTool

/// A clinic's scale with the shipped plugins (issue 17): in one process, the same 2,000-workflow corpus
/// checked with both shipped plugins and with --no-plugins, interleaved, the median round's ratio, the
/// CPU both cost (host and plugins: steadier than wall-clock time on a shared machine) and the plugin
/// processes started; then one small workflow through the `tacet` binary, as processes, with and without
/// the plugins, and each plugin's own check process on the same request: the floor the plugins set.
enum Clinic {
    /// The source tree: four folders above this file.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func run(files: Int, rounds: Int, jobs: Int) async throws {
        // consent-coverage's `run` starts the newest of the debug and release builds: a debug build made after
        // the release one (by `swift build --build-tests`) would be timed instead.
        let builds = ["debug", "release"].map { repository + "/.build/\($0)/consent-coverage" }
            .map { (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date) ?? .distantPast }
        if builds[0] > builds[1] {
            print("note: the debug build of consent-coverage is newer than the release one, so the plugin runs as a debug build;"
                  + " run `swift build -c release` at the root after any debug build to time the release plugin")
        }
        let root = try CheckCorpus.write(files: files, steps: 50, rules: 100)
        let today = CalendarDate(year: 2026, month: 11, day: 21) ?? .epoch
        let paths = [root + "/policy", root + "/roster", root + "/workflows"]
        // The describe cache as `tacet check` uses it by default: the probe below fills it, the rounds read it.
        let environment = ProcessInfo.processInfo.environment
        let options = PluginRunOptions(jobs: jobs, hostEnvironment: environment,
                                       describeCache: DescribeCache.directory(environment: environment).map { DescribeCache(directory: $0) })
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
        var cpu = (without: [Double](), with: [Double]())
        var findings = (0, 0)
        for round in 1...rounds {
            var before = cpuSeconds()
            let bare = await time { findings.0 = await TacetTool.CheckCommand.run(paths: paths, today: today, plugins: nil).findings.count }
            cpu.without.append(cpuSeconds() - before)
            before = cpuSeconds()
            let plugged = await time { findings.1 = await TacetTool.CheckCommand.run(paths: paths, today: today, plugins: shipped).findings.count }
            cpu.with.append(cpuSeconds() - before)
            without.append(bare)
            with.append(plugged)
            print("round \(round): --no-plugins \(ms(bare)), both plugins \(ms(plugged)), \(String(format: "%.2f", plugged / bare))x; "
                  + "CPU \(String(format: "%.2f s, %.2f s, %.2f", cpu.without.last ?? 0, cpu.with.last ?? 0, (cpu.with.last ?? 0) / (cpu.without.last ?? 1)))x")
        }
        let ratio = median(with) / median(without)
        print("""
            \(files) workflows x 50 steps, --jobs \(jobs), median of \(rounds) rounds (\(versions)):
              --no-plugins          \(ms(median(without)))  (\(findings.0) findings)
              both shipped plugins  \(ms(median(with)))  (\(findings.1) findings)
              ratio                 \(String(format: "%.2f", ratio))x (target <= 2x)
              CPU (host and plugins) \(String(format: "%.2f s against %.2f s, %.2f", median(cpu.with), median(cpu.without), median(cpu.with) / median(cpu.without)))x (what the runs cost, whatever else shares the cores)
              plugin processes      \(probe.processes) in the first run (\(probe.processes - probe.calls) describe + \(probe.calls) check calls), \(probe.calls) in each round (describe answers from the cache); \(probe.findings.count) plugin findings, \(probe.failures.count) documents a plugin could not judge
            """)
        try await small(today: today, rounds: max(rounds, 10), jobs: jobs)
    }

    /// One 8-step workflow through the `tacet` binary (TACET_BIN, or the source tree's release build), as
    /// a user runs it: with both shipped plugins against --no-plugins.
    static func small(today: CalendarDate, rounds: Int, jobs: Int) async throws {
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
        // The floor: each plugin's own check process on the same protocol 2 request, started as the host
        // starts it (its manifest's command, in its folder, with this environment's PATH).
        let documents = WorkspaceLoader().load([root + "/policy", root + "/roster", folder + "/workflow.yaml"]).documents
        let plugins = PluginDiscovery().discover([repository + "/Plugins"]).plugins
        // The processes one such run starts, as the binary starts them: the cached describe answers read and
        // the check processes started ahead before the documents exist, then the run.
        let environment = ProcessInfo.processInfo.environment
        let host = PluginHost(options: PluginRunOptions(jobs: jobs, hostEnvironment: environment,
                                                        describeCache: DescribeCache.directory(environment: environment)
                                                            .map { DescribeCache(directory: $0) }))
        let probe = await host.run(plugins, on: documents, prepared: host.prepare(plugins))
        let request = folder + "/request.json"
        let context = PluginContext(documents)
        try Data(context.batchRequest(for: documents.filter { $0.kind == .workflow })).write(to: URL(fileURLWithPath: request))
        var without: [Double] = []
        var with: [Double] = []
        var uncached: [Double] = []
        var alone = [[Double]](repeating: [], count: plugins.count)
        for _ in 0..<rounds {
            without.append(try process(binary, common + ["--no-plugins"]))
            with.append(try process(binary, common + ["--plugins", repository + "/Plugins"]))
            uncached.append(try process(binary, common + ["--plugins", repository + "/Plugins", "--no-cache"]))
            for (index, plugin) in plugins.enumerated() {
                let environment = PluginEnvironment.make(host: ProcessInfo.processInfo.environment, plugin: plugin, versions: [1, 2])
                alone[index].append(try process(plugin.executable, plugin.arguments + ["check"], input: request, in: plugin.folder,
                                                environment: environment))
            }
        }
        let plugged = median(with)
        let slowest = alone.map(median).max() ?? 0
        print("""
            one 8-step workflow, tacet as a process, median of \(rounds):
              --no-plugins          \(ms(median(without)))
              both shipped plugins  \(ms(plugged))  (\(probe.processes) plugin processes a run: \(probe.calls) check calls, \(probe.startedAhead - probe.unused) of them on processes started ahead of loading, \(probe.unused) started ahead unused, \(probe.processes - probe.calls - probe.unused) describe)
              ratio                 \(String(format: "%.2f", plugged / median(without)))x (target <= 2x)
              --no-cache            \(ms(median(uncached)))  (2 describe + 2 check processes), \(String(format: "%.2f", median(uncached) / median(without)))x
            each plugin's check process alone on the same request (the plugins run side by side, so the slowest is the floor):
            """)
        for (plugin, samples) in zip(plugins, alone) {
            print("  \(plugin.name.padding(toLength: 20, withPad: " ", startingAt: 0))  \(ms(median(samples)))")
        }
        print("  left for the host     \(ms(plugged - median(without) - slowest))  (with plugins, less --no-plugins, less the slowest plugin alone)")
    }

    /// The seconds `binary` takes to run to its end, with standard input from the file `input` (or none),
    /// in the folder `folder` (or this one) and with `environment` (or this one).
    static func process(_ binary: String, _ arguments: [String], input: String? = nil, in folder: String? = nil,
                        environment: [String: String]? = nil) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let input { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input)) }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// User and system CPU seconds of this process and of its children waited for so far (the plugins).
    static func cpuSeconds() -> Double {
        func seconds(_ who: Int32) -> Double {
            var usage = rusage()
            getrusage(who, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        return seconds(RUSAGE_SELF.rawValue) + seconds(RUSAGE_CHILDREN.rawValue)
    }

    static func time(_ body: () async -> Void) async -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}
