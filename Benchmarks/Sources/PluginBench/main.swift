// Usage: swift run -c release PluginBench [calls] [rounds]
//
// Runs one small plugin (a shell script that reads its request and answers with no findings) `calls`
// times, three ways, interleaved for `rounds` rounds, best round kept:
//   direct  - Foundation's Process: spawn, write the request, read the answer, wait. No Tacet.
//   host j1 - PluginHost with --jobs 1 over `calls` small workflows: describe once, then per document
//             build the request, run under the supervisor (process group, poll loop, caps), decode,
//             map the findings.
//   host j2 - the same with --jobs 2.
// Prints the host's per-call overhead over the direct spawn and the speed-up of --jobs 2.
import Foundation
import TacetDocuments
import TacetPluginHost

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let calls = arguments.first ?? 200
let rounds = arguments.dropFirst().first ?? 5

let root = NSTemporaryDirectory() + "tacet-plugin-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: root) }
let folder = root + "/Plugins/bench"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
try FileManager.default.createDirectory(atPath: root + "/docs", withIntermediateDirectories: true)
let script = """
    #!/bin/sh
    cat >/dev/null
    case "$1" in
    describe) printf '%s' '{"name":"bench","version":"1.0.0","protocols":[1],"kinds":["Workflow"],"rules":[]}' ;;
    check) printf '%s' '{"findings":[]}' ;;
    esac
    """
try script.write(toFile: folder + "/plugin.sh", atomically: true, encoding: .utf8)
chmod(folder + "/plugin.sh", 0o755)
try """
    apiVersion: tacet/v1
    kind: Plugin
    metadata: {name: bench, version: 1.0.0}
    command: [./plugin.sh]
    protocols: [1]
    kinds: [Workflow]
    """.write(toFile: folder + "/plugin.yaml", atomically: true, encoding: .utf8)
for index in 0..<calls {
    try """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: w\(index)}
        steps:
          - {id: plan, task: session-planning, ai: ai-assisted, performer: t-ana, description: Plan session \(index).}
          - {id: note, task: progress-note-drafting, ai: human-only, performer: t-ana}
        """.write(toFile: root + "/docs/w\(index).yaml", atomically: true, encoding: .utf8)
}
let documents = WorkspaceLoader().load([root + "/docs"]).documents
let catalog = PluginDiscovery().discover([root + "/Plugins"])
guard let plugin = catalog.plugins.first, documents.count == calls else {
    print("setup failed: \(catalog.problems.map(\.message))")
    exit(1)
}
let context = PluginContext(documents)
let requests = try documents.map { try context.request(for: $0, version: 1) }

func direct() throws -> Double {
    let start = Date()
    for request in requests {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: plugin.executable)
        process.arguments = ["check"]
        process.currentDirectoryURL = URL(fileURLWithPath: plugin.folder)
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(request))
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
    }
    return Date().timeIntervalSince(start)
}

func host(jobs: Int) async -> Double {
    let start = Date()
    let host = PluginHost(options: PluginRunOptions(jobs: jobs, hostEnvironment: ProcessInfo.processInfo.environment))
    let report = await host.run([plugin], on: documents)
    precondition(report.failures.isEmpty && report.calls == calls, "the bench plugin failed: \(report.failures.map(\.message))")
    return Date().timeIntervalSince(start)
}

var best = (direct: Double.infinity, one: Double.infinity, two: Double.infinity)
for round in 1...rounds {
    let d = try direct()
    let one = await host(jobs: 1)
    let two = await host(jobs: 2)
    best = (min(best.direct, d), min(best.one, one), min(best.two, two))
    print("round \(round): direct \(String(format: "%.3f", d)) s, host --jobs 1 \(String(format: "%.3f", one)) s, --jobs 2 \(String(format: "%.3f", two)) s")
}
let perCall = (best.one - best.direct) / Double(calls) * 1000
print("""
    \(calls) calls, best of \(rounds) rounds:
      direct spawn      \(String(format: "%.2f", best.direct / Double(calls) * 1000)) ms per call
      host --jobs 1     \(String(format: "%.2f", best.one / Double(calls) * 1000)) ms per call (includes one describe call)
      host overhead     \(String(format: "%.2f", perCall)) ms per call (target < 2 ms)
      --jobs 2 speed-up \(String(format: "%.2f", best.one / best.two))x over --jobs 1
    """)
