import Benchmark
import Corpus
import Foundation
import TacetDocuments
import TacetEngine
import TacetTool
import TacetYAML

/// The policy engine's benchmarks: 2,000 workflows of 50 steps against a 100-rule policy, with a
/// bare libyaml scan of the same files as the baseline, and one small workflow end to end.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10),
        maxIterations: 5
    )
    let today = CalendarDate(year: 2026, month: 11, day: 21) ?? .epoch
    // invariant: the corpus is written to the temporary folder, which a benchmark machine provides.
    let root = (try? CheckCorpus.write(files: 2000, steps: 50, rules: 100)) ?? "/nonexistent"
    let workflows = (try? FileManager.default.contentsOfDirectory(atPath: root + "/workflows"))?.map { root + "/workflows/" + $0 } ?? []

    Benchmark("libyaml scan of 2,000 workflow files (baseline)") { benchmark in
        for _ in benchmark.scaledIterations {
            for file in workflows {
                blackHole(LibYAMLScan.countEvents(in: [UInt8](FileManager.default.contents(atPath: file) ?? Data())))
            }
        }
    }

    Benchmark("check 2,000 workflows x 50 steps, 100 rules") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(CheckEngine.check(WorkspaceLoader().load([root]), today: today).findings.count)
        }
    }

    let small = FileManager.default.temporaryDirectory.appendingPathComponent("tacet-bench-small-suite").path
    try? FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
    try? CheckCorpus.workflow(0, steps: 8).write(toFile: small + "/workflow.yaml", atomically: true, encoding: .utf8)
    Benchmark("check one 8-step workflow end to end", configuration: .init(maxDuration: .seconds(3), maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(await TacetTool.CheckCommand.run(paths: [root + "/policy", root + "/roster", small], today: today, plugins: nil)
                .findings.count)
        }
    }
}
