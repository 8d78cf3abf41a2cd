#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The descriptor the response goes to: the process's original standard output, kept private.
struct ProtocolChannel {
    let descriptor: Int32

    /// Duplicates standard output for the response and points descriptor 1 at standard error.
    static func takeStandardOutput() -> ProtocolChannel? {
        fflush(nil)  // all C streams: nothing printed before the switch may land on the channel
        let saved = dup(STDOUT_FILENO)
        guard saved >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else { return nil }
        return ProtocolChannel(descriptor: saved)
    }

    /// Writes all of `data` and closes the channel; false when the host went away.
    func write(_ data: Data) -> Bool {
        defer { close(descriptor) }
        return data.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)  // invariant: non-empty while offset < count
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
    }
}
