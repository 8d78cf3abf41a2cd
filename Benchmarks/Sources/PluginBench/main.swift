// Usage: swift run -c release PluginBench [calls] [rounds]
//        swift run -c release PluginBench clinic [files] [rounds] [jobs]   (issue 17: see Clinic.swift)
//
// Runs one small plugin (a shell script that reads its request and answers with no findings) `calls`
// times, four ways, interleaved for `rounds` rounds, the median round reported (the
// VM's timings swing by 2x between rounds, so a best-of would flatter whichever way was lucky):
//   bare    - posix_spawn, write the request, read the answer, waitpid: the least any host can do.
//   process - Foundation's Process doing the same.
//   host j1 - PluginHost with --jobs 1 over `calls` small workflows: describe once, then per document
//             build the request, run under the supervisor (process group, poll loop, caps), decode,
//             map the findings.
//   host j2 - the same with --jobs 2.
// Prints the host's per-call overhead over the direct spawn and the speed-up of --jobs 2.
import Foundation
import TacetDocuments
import TacetPluginHost

if CommandLine.arguments.dropFirst().first == "clinic" {
    let numbers = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }
    try await Clinic.run(files: numbers.first ?? 2000, rounds: numbers.dropFirst().first ?? 5,
                         jobs: numbers.dropFirst(2).first ?? ProcessInfo.processInfo.activeProcessorCount)
    exit(0)
}

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

func bare() -> Double {
    let start = Date()
    for request in requests {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { fatalError("pipe failed") }  // a benchmark, not product code
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addclose(&actions, input[1])
        posix_spawn_file_actions_addclose(&actions, output[0])
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(plugin.executable), strdup("check"), nil]
        var pid: pid_t = 0
        guard posix_spawn(&pid, plugin.executable, &actions, nil, argv, environ) == 0 else { fatalError("spawn failed") }
        posix_spawn_file_actions_destroy(&actions)
        argv.forEach { free($0) }
        close(input[0])
        close(output[1])
        // The request is far below the pipe buffer, so a blocking write cannot deadlock here.
        _ = request.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
        close(input[1])
        var buffer = [UInt8](repeating: 0, count: 65536)
        while buffer.withUnsafeMutableBytes({ read(output[0], $0.baseAddress, $0.count) }) > 0 {}
        close(output[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
    return Date().timeIntervalSince(start)
}

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

var samples = (bare: [Double](), process: [Double](), one: [Double](), two: [Double]())
func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds / Double(calls) * 1000) }
for round in 1...rounds {
    let b = bare()
    let p = try direct()
    let one = await host(jobs: 1)
    let two = await host(jobs: 2)
    samples.bare.append(b)
    samples.process.append(p)
    samples.one.append(one)
    samples.two.append(two)
    print("round \(round): bare \(ms(b)), Process \(ms(p)), host --jobs 1 \(ms(one)), --jobs 2 \(ms(two)) per call")
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let best = (bare: median(samples.bare), process: median(samples.process), one: median(samples.one), two: median(samples.two))
print("""
    \(calls) calls, median of \(rounds) rounds, per call:
      bare posix_spawn     \(ms(best.bare))
      Foundation Process   \(ms(best.process))
      host --jobs 1        \(ms(best.one)) (includes the one describe call)
      host overhead        \(ms(best.one - best.bare)) over bare posix_spawn (target < 2 ms)
      --jobs 2 speed-up    \(String(format: "%.2f", best.one / best.two))x over --jobs 1
    """)
