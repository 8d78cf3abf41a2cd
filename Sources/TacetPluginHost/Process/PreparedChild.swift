import Foundation

/// A child a ``ProcessSupervisor`` started ahead of its request, holding one of its slots: used once by
/// ``ProcessSupervisor/run(_:prepared:)``, or killed. Released unused, it kills the child (its whole
/// process group, reaped) and gives the slot back, so no path leaves a process or a slot behind.
public final class PreparedChild: @unchecked Sendable {  // @unchecked: `lock` guards `child`
    private let lock = NSLock()
    private var child: SpawnedChild?
    private let supervisor: ProcessSupervisor
    /// The child's pid (its process group's id).
    public let pid: Int32

    init(_ child: SpawnedChild, supervisor: ProcessSupervisor) {
        self.child = child
        self.supervisor = supervisor
        pid = child.pid
    }

    deinit { kill() }

    /// Whether the child is still waiting for its request (neither used nor killed).
    public var isWaiting: Bool { lock.withLock { child != nil } }

    /// Kills the child's group, reaps the child and gives its slot back, unless it was used or killed already.
    public func kill() {
        guard let child = lock.withLock({ () -> SpawnedChild? in
            defer { self.child = nil }
            return self.child
        }) else { return }
        child.kill()
        supervisor.release()
    }

    /// The child and its slot, to the one call that uses it; nil after the first.
    func take() -> SpawnedChild? {
        lock.withLock {
            defer { child = nil }
            return child
        }
    }
}
