import Corpus
import Dispatch
import Foundation
import TacetDocuments
import TacetEngine
import TacetYAML

// Times each stage of `tacet check` on one core over the compliant corpus (best of the rounds), as
// a ratio to the bare libyaml scan: where a check's time goes, and what to profile next.
// Run: swift run -c release StageTimes [files] [rounds]
// With STAGE=engine or STAGE=decode it runs only that stage ten times, for `perf record`.

let files = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 2000
let rounds = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 3

func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

let root = try CheckCorpus.write(files: files, steps: 50, rules: 100, compliant: true)
let paths = try WorkspaceLoader().files(at: root + "/workflows")
let today = CalendarDate(year: 2026, month: 11, day: 21) ?? .epoch
let base = WorkspaceLoader().load([root + "/policy", root + "/roster"])
guard let policy = PolicyResolver.resolve(base.documents).policies.values.first else {
    print("the corpus policy did not resolve")
    exit(2)
}
let checker = WorkflowChecker(policy: policy, roster: Roster(base.documents), today: today)
var sink = 0

if let stage = ProcessInfo.processInfo.environment["STAGE"] {
    let documents = WorkspaceLoader().load([root + "/workflows"]).documents
    let elapsed = time {
        for _ in 0..<10 {
            for document in documents {
                if stage == "engine", case .workflow(let workflow) = document.document {
                    sink &+= checker.check(document, workflow).count
                } else if stage == "decode" {
                    sink &+= DocumentDecoder.decode(document.root, file: document.file).diagnostics.count
                }
            }
        }
    }
    print("\(stage): \(String(format: "%.1f", elapsed / 10)) ms a round (checksum \(sink))")
    exit(0)
}

var best: [String: Double] = [:]
@MainActor func record(_ stage: String, _ body: () -> Void) { best[stage] = min(best[stage] ?? .infinity, time(body)) }
for _ in 0..<rounds {
    var bytes: [[UInt8]] = []
    record("read the files") { bytes = paths.map { [UInt8](FileManager.default.contents(atPath: $0) ?? Data()) } }
    record("libyaml event scan") { for file in bytes { sink &+= LibYAMLScan.countEvents(in: file) ?? 0 } }
    var trees: [Node] = []
    record("parse to node trees") { trees = bytes.compactMap { try? YAMLParser().parse($0) } }
    var documents: [LoadedDocument] = []
    record("decode documents") { documents = zip(trees, paths).compactMap { DocumentDecoder.decode($0, file: $1).document } }
    trees = []
    record("check (engine)") {
        for document in documents {
            if case .workflow(let workflow) = document.document { sink &+= checker.check(document, workflow).count }
        }
    }
    record("free the documents") { documents = [] }
}
let scan = best["libyaml event scan"] ?? 1
print("\(paths.count) workflows x 50 steps, 100 rules, one core, best of \(rounds) (checksum \(sink))")
for stage in ["read the files", "libyaml event scan", "parse to node trees", "decode documents", "check (engine)", "free the documents"] {
    let ms = best[stage] ?? 0
    print("\(stage.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", ms)) ms  \(String(format: "%.2f", ms / scan))x")
}
print("(parsing includes libyaml's own work: the node tree costs its time less the scan's)")
