#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The child process could not be started.
public struct SpawnError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the host was doing.
    public var step: String
    /// The errno value.
    public var code: Int32

    /// Creates a spawn error.
    public init(step: String, code: Int32) {
        self.step = step
        self.code = code
    }

    /// `step: strerror(code)`.
    public var description: String { "\(step): \(String(cString: strerror(code)))" }
}
