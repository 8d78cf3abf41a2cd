import Foundation

/// The bytes of an open file descriptor (standard input, a pipe's read end), read with read(2).
package struct FileDescriptorSource: ByteSource {
    /// The descriptor read; never closed here, since the caller opened it.
    package let descriptor: Int32

    /// Reads from `descriptor`.
    package init(descriptor: Int32) { self.descriptor = descriptor }

    package mutating func read(upTo count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        while true {
            let got = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, count) }
            if got < 0, errno == EINTR { continue }
            // An error reading the client is the end of the session, as a closed stream is.
            guard got > 0 else { return [] }
            bytes.removeLast(count - got)
            return bytes
        }
    }
}
