import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started by ``ChildProcess/start(_:)`` whose request is not written yet: finished
/// once, or killed. Whatever path the host takes, the child does not outlive this object: releasing it
/// unfinished kills the child's process group (SIGKILL) and reaps the child, as ``kill()`` does.
public final class SpawnedChild: @unchecked Sendable {  // @unchecked: `lock` guards `pipes` and `open`
    /// The child's pid, which is also its process group's id.
    public let pid: Int32
    /// What it was started with.
    public let launch: ProcessLaunch
    private let started: Double
    private let lock = NSLock()
    private var pipes: PipeSet
    /// Whether the child is neither finished nor killed yet.
    private var open = true

    init(pid: Int32, pipes: PipeSet, started: Double, launch: ProcessLaunch) {
        self.pid = pid
        self.pipes = pipes
        self.started = started
        self.launch = launch
    }

    deinit { kill() }

    /// Writes `spec`'s input, drains the child's output within `spec`'s limits (the timeout counting from
    /// now) and returns once the child is reaped and its group is gone, as ``ChildProcess/run(_:)`` does;
    /// nil when the child was already finished or killed, or `spec` has another launch (then it is killed).
    ///
    /// Blocks its thread for as long as the child runs; run it off the cooperative thread pool.
    public func finish(_ spec: ProcessSpec) -> ProcessResult? {
        guard var pipes = take() else { return nil }
        guard ProcessLaunch(spec) == launch else {
            ChildProcess.abandon(pid: pid, pipes: &pipes)
            return nil
        }
        return ChildProcess.finish(spec, pid: pid, pipes: &pipes, started: started)
    }

    /// Kills the child's process group and reaps the child, unless it was finished or killed already.
    public func kill() {
        guard var pipes = take() else { return }
        ChildProcess.abandon(pid: pid, pipes: &pipes)
    }

    /// The pipes, to the one caller that finishes or kills the child.
    private func take() -> PipeSet? {
        lock.withLock {
            guard open else { return nil }
            open = false
            return pipes
        }
    }
}
