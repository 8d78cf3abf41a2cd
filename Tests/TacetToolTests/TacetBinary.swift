import Foundation
import TacetTestSupport

/// Runs the built `tacet` executable, as a user would, capturing its output and exit status.
struct TacetBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process ended by a signal (a crash) rather than by exiting.
        var signalled: Bool
    }

    /// The executable beside the test bundle in the build folder.
    static var url: URL {
        let products = Bundle.main.bundleURL
        let candidates = [products.appendingPathComponent("tacet"),
                          products.deletingLastPathComponent().appendingPathComponent("tacet")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs `tacet arguments...` in `directory`; stops it after `deadline` seconds (stretched by `TestTime` under
    /// sanitizers), which only guards the suite against a hang and is far above any expected run time.
    /// `executable` runs another program the same way (a browser, say). `environment`, when given, is
    /// the whole environment (a cleared one, as on a machine without a toolchain), else this process's;
    /// `extra` adds to (or overrides) it. The describe cache is the run's own (removed after it) unless `extra`
    /// names an `XDG_CACHE_HOME`.
    static func run(_ arguments: [String], in directory: String? = nil, deadline: TimeInterval = 60,
                    executable: URL = url, environment: [String: String]? = nil, adding extra: [String: String] = [:]) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tacet-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = environment ?? ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // The describe cache goes to this run's scratch folder, never the user's ~/.cache, unless a test sets it.
        environment["XDG_CACHE_HOME"] = scratch.appendingPathComponent("cache").path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // Files, not pipes: nothing can block on a full pipe buffer.
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let start = Date()
        let deadline = TestTime.scaled(deadline)
        while process.isRunning {
            if Date().timeIntervalSince(start) > deadline {
                process.terminate()
                process.waitUntilExit()
                break
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
                      signalled: process.terminationReason == .uncaughtSignal)
    }
}
