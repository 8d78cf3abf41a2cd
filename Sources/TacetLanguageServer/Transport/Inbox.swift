import Foundation
import TacetPluginProtocol

/// The frames read from the client, queued by the reading thread for the server, and the requests the
/// client has cancelled (recorded as soon as the cancellation is read, ahead of the queue).
package final class Inbox: @unchecked Sendable {
    // @unchecked: `queue`, `head` and `cancelled` are only touched while `lock` is held.
    private let lock = NSLock()
    private var queue: [Frame] = []
    private var head = 0
    private var cancelled = Set<JSONValue>()
    private let continuation: AsyncStream<Void>.Continuation
    /// Yields whenever frames were added since the server last looked; ends after the last frame.
    package let arrivals: AsyncStream<Void>

    /// An empty inbox.
    package init() {
        (arrivals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues `frame`; `.end` and `.malformed` are the last frame.
    package func push(_ frame: Frame) {
        if case .message(let body) = frame, let id = Self.cancelledID(body) {
            lock.lock()
            // Bounded: cancellations of requests already answered are never taken.
            if cancelled.count >= 1024 { cancelled.removeAll() }
            cancelled.insert(id)
            lock.unlock()
        }
        lock.lock()
        queue.append(frame)
        lock.unlock()
        continuation.yield()
        switch frame {
        case .end, .malformed: continuation.finish()
        case .message, .oversized: break
        }
    }

    /// The oldest frame not yet taken, or nil.
    package func pop() -> Frame? {
        lock.lock()
        defer { lock.unlock() }
        guard head < queue.count else { return nil }
        let frame = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        return frame
    }

    /// Whether no frame is waiting.
    package var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return head == queue.count
    }

    /// Whether the client cancelled request `id`; forgets it, since ids are not reused.
    package func takeCancellation(of id: JSONValue) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled.remove(id) != nil
    }

    /// The id a `$/cancelRequest` notification names, read cheaply so that the reading thread can
    /// record it before the server reaches the request.
    private static func cancelledID(_ body: [UInt8]) -> JSONValue? {
        // Most messages are not cancellations: skip parsing them here.
        guard body.count < 512, String(decoding: body, as: UTF8.self).contains("$/cancelRequest"),
              let message = JSONText.decode(body), message["method"]?.stringValue == "$/cancelRequest" else { return nil }
        return message["params"]?["id"]
    }
}
