import Foundation

/// The one owner of plugin child processes: at most `jobs` alive at a time (running, or started ahead
/// and waiting for their request), each finished from a thread of its own. A running child blocks its
/// thread in `poll`; on the cooperative pool that would starve other tasks, and on Dispatch's pool a busy
/// machine can delay the thread by seconds, which would stretch the timeouts.
///
/// A class with a lock rather than an actor so that a slot is given back synchronously, from the
/// deinit of a ``PreparedChild`` never used as well as at the end of a call.
public final class ProcessSupervisor: @unchecked Sendable {  // @unchecked: `lock` guards every var
    /// Most children alive at once.
    public let jobs: Int
    private let lock = NSLock()
    private var runningCount = 0
    private var peakCount = 0
    private var startedCount = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Creates a supervisor that runs up to `jobs` children at once (at least one).
    public init(jobs: Int) { self.jobs = max(1, jobs) }

    /// Children alive now (running, or started ahead).
    public var running: Int { lock.withLock { runningCount } }
    /// The most that were ever alive at once.
    public var peak: Int { lock.withLock { peakCount } }
    /// Children started so far.
    public var started: Int { lock.withLock { startedCount } }

    /// Runs `spec` when a slot is free and returns once the child is reaped. With `prepared`, a child
    /// started ahead for the same launch, the call uses it and its slot instead of starting one.
    public func run(_ spec: ProcessSpec, prepared: PreparedChild? = nil) async throws(SpawnError) -> ProcessResult {
        let ahead = prepared?.take()
        if ahead == nil { await acquire() }
        defer { release() }
        let result = await Self.runOffPool(spec, child: ahead)
        // A child that could not be started is not counted as started.
        if case .failure = result, ahead == nil { lock.withLock { startedCount -= 1 } }
        return try result.get()
    }

    /// Starts `spec` ahead of its request when a slot is free now, counting it as started; nil when every
    /// slot is taken or the child cannot be started (the call that would have used it starts its own and
    /// reports that failure). The child keeps its slot until a ``run(_:prepared:)`` finishes it or it is
    /// killed (``PreparedChild/kill()``, or released unused).
    public func prepare(_ spec: ProcessSpec) -> PreparedChild? {
        let free = lock.withLock {
            guard runningCount < jobs else { return false }
            take()
            return true
        }
        guard free else { return nil }
        guard let child = try? ChildProcess.start(spec) else {
            lock.withLock { startedCount -= 1 }
            release()
            return nil
        }
        return PreparedChild(child, supervisor: self)
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = lock.withLock {
                guard runningCount < jobs else {
                    waiting.append(continuation)
                    return false
                }
                take()
                return true
            }
            if now { continuation.resume() }
        }
    }

    /// Counts a child started in a free slot; call under `lock`.
    private func take() {
        runningCount += 1
        startedCount += 1
        peakCount = max(peakCount, runningCount)
    }

    /// Gives a slot back: to the first waiting call (which starts a child in it) or to the pool.
    func release() {
        let next: CheckedContinuation<Void, Never>? = lock.withLock {
            guard !waiting.isEmpty else {
                runningCount -= 1
                return nil
            }
            // The slot passes to the waiting call without `runningCount` going down.
            startedCount += 1
            return waiting.removeFirst()
        }
        next?.resume()
    }

    private static func runOffPool(_ spec: ProcessSpec, child: SpawnedChild?) async -> Result<ProcessResult, SpawnError> {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(SpawnError) in
                    // A child started ahead for another launch is killed by `finish`, and one started here instead.
                    if let child, let result = child.finish(spec) { return result }
                    return try ChildProcess.run(spec)
                })
            }
            thread.name = "tacet-plugin"
            thread.start()
        }
    }
}
