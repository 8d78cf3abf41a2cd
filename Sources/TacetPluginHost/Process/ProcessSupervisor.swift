import Foundation

/// The one owner of plugin child processes: starts at most `jobs` at a time, each watched from a
/// thread of its own. A running child blocks its thread in `poll`; on the cooperative pool that would
/// starve other tasks, and on Dispatch's pool a busy machine can delay the thread by seconds, which
/// would stretch the timeouts.
public actor ProcessSupervisor {
    /// Most children running at once.
    public let jobs: Int
    /// Children running now.
    public private(set) var running = 0
    /// The most that ever ran at once.
    public private(set) var peak = 0
    /// Children started so far.
    public private(set) var started = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Creates a supervisor that runs up to `jobs` children at once (at least one).
    public init(jobs: Int) { self.jobs = max(1, jobs) }

    /// Runs `spec` when a slot is free and returns once the child is reaped.
    public func run(_ spec: ProcessSpec) async throws(SpawnError) -> ProcessResult {
        if running >= jobs {
            await withCheckedContinuation { waiting.append($0) }
        }
        // A released slot was handed to this call without `running` going down.
        running += 1
        started += 1
        peak = max(peak, running)
        defer { release() }
        return try await Self.runOffPool(spec).get()
    }

    private func release() {
        running -= 1
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }

    private nonisolated static func runOffPool(_ spec: ProcessSpec) async -> Result<ProcessResult, SpawnError> {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(SpawnError) in try ChildProcess.run(spec) })
            }
            thread.name = "tacet-plugin"
            thread.start()
        }
    }
}
