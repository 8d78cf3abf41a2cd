import Dispatch
import Foundation

/// Runs independent work on every core, keeping results in index order so output is the same as a
/// sequential run's.
public enum Parallel {
    /// `body(index)` for every index below `count`, concurrently; the results in index order.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let results = Results<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, body(index)) }
        return results.values()
    }

    /// Result slots filled from many threads; the lock makes every access exclusive.
    private final class Results<T: Sendable>: @unchecked Sendable {
        // @unchecked: `slots` is only touched while `lock` is held.
        private let lock = NSLock()
        private var slots: [T?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        func values() -> [T] {
            lock.lock()
            defer { lock.unlock() }
            // invariant: concurrentPerform ran every index once, so every slot is filled.
            return slots.compactMap { $0 }
        }
    }
}
