import Corpus
import Dispatch
import Foundation
import TacetDocuments
import TacetEngine
import TacetTool
import TacetYAML

// Times `check` (which loads each workflow as it judges it) on a 2,000-file corpus against a bare libyaml scan of the same files (both reading
// the files from disk), interleaved, and a small workflow end to end in process.
// Run: swift run -c release CheckRatio [rounds] [files] [compliant]

let rounds = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 5
let fileCount = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 2000

func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// CPU seconds of the whole process so far (user and system, every thread), in milliseconds: steadier than wall
/// time on a shared machine, where another tenant's load stretches the wall clock of both sides unevenly.
func processCPU() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
}

func cpuTime(_ body: () -> Void) -> Double {
    let start = processCPU()
    body()
    return processCPU() - start
}

let compliant = CommandLine.arguments.dropFirst(3).first == "compliant"
let root = try CheckCorpus.write(files: fileCount, steps: 50, rules: 100, compliant: compliant)
let workflowFiles = try FileManager.default.contentsOfDirectory(atPath: root + "/workflows").map { root + "/workflows/" + $0 }
let today = CalendarDate(year: 2026, month: 11, day: 21) ?? .epoch
var sink = 0
var best = (scan: Double.infinity, check: Double.infinity, load: Double.infinity, engine: Double.infinity)
var bestCPU = (scan: Double.infinity, check: Double.infinity)
var lastReport: CheckReport?
for _ in 0..<rounds {
    var wall = 0.0
    bestCPU.scan = min(bestCPU.scan, cpuTime {
        wall = time {
            for file in workflowFiles {
                let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
                sink &+= LibYAMLScan.countEvents(in: bytes) ?? 0
            }
        }
    })
    best.scan = min(best.scan, wall)
    var workspace: Workspace?
    var engineTime = 0.0
    bestCPU.check = min(bestCPU.check, cpuTime {
        wall = time {
            // As `tacet check` loads: workflows are only peeked at here and loaded as the engine judges them.
            workspace = WorkspaceLoader().load([root], deferring: [.workflow, .learningPlan])
            if let workspace { engineTime = time { lastReport = CheckEngine.check(workspace, today: today) } }
        }
    })
    best.check = min(best.check, wall)
    best.engine = min(best.engine, engineTime)
    best.load = min(best.load, time { _ = WorkspaceLoader().load([root]) })
}
let bytes = workflowFiles.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
print("corpus\(compliant ? " (compliant but one step per workflow)" : " (most steps break a rule)"): \(workflowFiles.count) workflows x 50 steps (\(bytes / 1_048_576) MiB), 100 rules; best of \(rounds) (checksum \(sink))")
if let report = lastReport {
    print("findings: \(report.findings.count), problems: \(report.problems.count), workflows checked: \(report.workflowsChecked)")
}
print("libyaml event scan of the workflows  \(String(format: "%8.1f", best.scan)) ms   1.00x")
print("tacet check (load, resolve, check)   \(String(format: "%8.1f", best.check)) ms   \(String(format: "%.2f", best.check / best.scan))x")
print("loading alone, every file in memory  \(String(format: "%8.1f", best.load)) ms   \(String(format: "%.2f", best.load / best.scan))x")
print("  of which the engine (loads, checks) \(String(format: "%8.1f", best.engine)) ms   \(String(format: "%.2f", best.engine / best.scan))x")
print("CPU, every thread: scan \(String(format: "%.1f", bestCPU.scan)) ms, check \(String(format: "%.1f", bestCPU.check)) ms   \(String(format: "%.2f", bestCPU.check / bestCPU.scan))x")

// One small workflow, end to end in process: read, parse, decode, resolve, check, render.
let small = FileManager.default.temporaryDirectory.appendingPathComponent("tacet-bench-small").path
try? FileManager.default.removeItem(atPath: small)
try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
try CheckCorpus.workflow(0, steps: 8).write(toFile: small + "/workflow.yaml", atomically: true, encoding: .utf8)
var smallBest = Double.infinity
for _ in 0..<50 {
    // Timed inline: the check is async, `time` takes a synchronous body.
    let start = DispatchTime.now().uptimeNanoseconds
    let outcome = await TacetTool.CheckCommand.run(paths: [root + "/policy", root + "/roster", small], today: today, plugins: nil)
    smallBest = min(smallBest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    sink &+= outcome.findings.count
}
print("one 8-step workflow end to end       \(String(format: "%8.2f", smallBest)) ms (in process, best of 50)")
