import Foundation

/// Runs blocking work on a thread of its own.
///
/// A synchronous test runs on one of the few threads Swift's tasks share (two on this project's two-core
/// machines); a test that blocks one for minutes, such as the planner's comparison with its reference,
/// starves every other test's tasks, the language server's sessions among them, which then time out.
package enum OwnThread {
    /// The result of `body`, run on a new thread while the calling task waits without holding a shared one.
    package static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.start()
        }
    }
}
