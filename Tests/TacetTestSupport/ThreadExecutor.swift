import Foundation

/// A task executor that runs its jobs one at a time on a thread of its own.
///
/// Tasks that prefer it (`Task(executorPreference:)`), their child tasks and the default actors they call run
/// here instead of on the few threads Swift's tasks share (two on this project's two-core machines). Synchronous
/// tests elsewhere in the suite may hold every shared thread for minutes (a planner comparison, a sanitizer's
/// slow run of a big check); work on this executor goes on regardless.
package final class ThreadExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: `jobs`, `threadRunning` and `idleEnds` are only touched while `condition` is locked.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var threadRunning = false
    private var idleEnds = false
    private let name: String

    /// An executor whose thread is called `name` (shown by debuggers and sanitizer reports).
    package init(name: String) {
        self.name = name
    }

    /// Queues `job` for the executor's thread, starting that thread if it is not running.
    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        defer { condition.unlock() }
        jobs.append(job)
        if threadRunning {
            condition.signal()
            return
        }
        // The thread ends when idle after `finish()`; a job that comes later still runs, on a new thread.
        threadRunning = true
        let thread = Thread { [self] in drain() }
        thread.name = name
        thread.start()
    }

    /// Lets the thread end as soon as no job is queued, so that an executor no longer used keeps no thread.
    package func finish() {
        condition.lock()
        idleEnds = true
        condition.signal()
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            while jobs.isEmpty && !idleEnds { condition.wait() }
            if jobs.isEmpty {
                threadRunning = false
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
