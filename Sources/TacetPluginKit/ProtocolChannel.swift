#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
// FoundationEssentials where it exists (Linux): Data and JSONEncoder without the rest of Foundation, whose
// loading (with its ICU data) took consent-coverage's start from about 8 ms of CPU to about 10, on every call.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        return data.withUnsafeBytes { Self.writeAll($0, to: descriptor) }
    }

    /// All of standard input up to its end, or what was read before a read failed (the host then reports the
    /// request as unread). Unbounded here: the host caps what it sends.
    static func readStandardInput() -> Data {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return Data(bytes)
    }

    /// Writes `text` to standard error, as much of it as the descriptor takes.
    static func writeError(_ text: String) {
        var text = text
        _ = text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Ends the process with `status`: the C library's `exit`, so that the kit needs no Foundation for it.
    static func exit(_ status: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(status)
        #elseif canImport(Musl)
        Musl.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }

    /// Writes all of `bytes` to `descriptor`, again after an interruption; false when the descriptor takes no more.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            // invariant: the buffer is non-empty while offset < count
            let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// The C library's `write`, which ``write(_:)`` hides inside this type.
    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #elseif canImport(Musl)
        Musl.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }
}
