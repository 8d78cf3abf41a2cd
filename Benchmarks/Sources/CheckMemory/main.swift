import Corpus
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Peak memory (maximum resident set size, from wait4's rusage) of the `tacet check` process on 2,000
// and on 10,000 generated workflows of 50 steps, with the largest input file for scale (issue 21: the
// 10,000 figure within 1.25x of the 2,000 one, and the 2,000 one at most 3x the largest file + 60 MB).
// The workflows are the compliant corpus (one finding each, as a real team's would have): findings are
// the output, kept whatever the check does, so a corpus whose every step breaks a rule measures them.
// Run: swift run -c release CheckMemory [TACET_BINARY] [counts...] [--plugins]
//   (default ../.build/release/tacet, 2000 10000, without plugins; --plugins runs the shipped ones, which
//   the binary finds in its source tree or TACET_HOME)

let plugins = CommandLine.arguments.contains("--plugins")
let arguments = CommandLine.arguments.dropFirst().filter { $0 != "--plugins" }
let binary = arguments.first { !$0.allSatisfy(\.isNumber) }
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../.build/release/tacet").standardized.path
let counts = arguments.compactMap { Int($0) }.isEmpty ? [2000, 10000] : arguments.compactMap { Int($0) }

/// Runs `tacet check` on `root` with stdout and stderr to /dev/null: its exit status and peak RSS in bytes.
func peakMemory(checking root: String) -> (status: Int32, bytes: Int) {
    let argv = [binary, "check", root, "--today", "2026-11-21"] + (plugins ? [] : ["--no-plugins"])
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let cArguments = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    guard posix_spawn(&pid, binary, &actions, nil, cArguments, environ) == 0 else { return (-1, 0) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    // ru_maxrss is in kilobytes on Linux.
    return ((status >> 8) & 0xFF, Int(usage.ru_maxrss) * 1024)
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

/// A file's size: in kilobytes below a megabyte, where "0.0 MB" would hide it.
func size(_ bytes: Int) -> String { bytes < 1_000_000 ? String(format: "%.1f KB", Double(bytes) / 1_000) : megabytes(bytes) }

print("tacet: \(binary), \(plugins ? "with the shipped plugins" : "--no-plugins")")
var peaks: [Int: Int] = [:]
for count in counts {
    let root = try CheckCorpus.write(files: count, steps: 50, rules: 100, compliant: true)
    var total = 0
    var largest = 0
    for folder in ["policy", "roster", "workflows"] {
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder) {
            let size = (try? FileManager.default.attributesOfItem(atPath: root + "/" + folder + "/" + name)[.size] as? Int) ?? 0
            total += size
            largest = max(largest, size)
        }
    }
    // The best of three runs: a shared machine adds to a run's time, not to its memory, but the
    // allocator's reuse varies a little from run to run. One run with plugins, which take minutes at 10,000.
    let runs = (0..<(plugins ? 1 : 3)).map { _ in peakMemory(checking: root) }
    let peak = runs.map(\.bytes).min() ?? 0
    peaks[count] = peak
    print("\(count) workflows x 50 steps: \(megabytes(total)) of YAML, largest file \(size(largest)); "
          + "peak RSS \(megabytes(peak)) (exit \(runs[0].status)); bound 3 x largest + 60 MB = \(megabytes(3 * largest + 60_000_000))")
    try? FileManager.default.removeItem(atPath: root)
}
if let small = peaks[2000], let large = peaks[10000], small > 0 {
    print(String(format: "10,000 / 2,000: %.2fx (bound 1.25x)", Double(large) / Double(small)))
}
