import Foundation
import TacetPluginProtocol

/// Writes messages to the client, each framed with its `Content-Length`, whole and one at a time.
package final class MessageWriter: @unchecked Sendable {
    // @unchecked: `closed` and the descriptor's writes are only touched while `lock` is held.
    private let lock = NSLock()
    private let descriptor: Int32
    private var closed = false

    /// Writes to `descriptor`, which stays open (the caller owns it).
    package init(descriptor: Int32) { self.descriptor = descriptor }

    /// Sends `message`; false when the client's stream is closed (it is then never written again).
    @discardableResult
    package func send(_ message: JSONValue) -> Bool {
        let body = JSONText.encode(message)
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return false }
        var offset = 0
        while offset < frame.count {
            let wrote = frame.withUnsafeBytes { bytes in
                // invariant: a frame is never empty (it has a header), so its buffer has an address.
                guard let base = bytes.baseAddress else { return -1 }
                return Foundation.write(descriptor, base + offset, frame.count - offset)
            }
            if wrote < 0, errno == EINTR { continue }
            guard wrote > 0 else {
                closed = true
                return false
            }
            offset += wrote
        }
        return true
    }
}
