/// What became of one child process.
public struct ProcessResult: Sendable {
    /// How the process ended.
    public enum Termination: Sendable, Hashable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (its number).
        case signalled(Int32)
    }

    /// Why the host stopped the process before it ended by itself.
    public enum Stop: Sendable, Hashable {
        /// It ran past its timeout (seconds).
        case timeout(Double)
        /// It wrote more than the cap to a stream.
        case outputCap(stream: String, cap: Int)
    }

    /// Standard output, at most the cap.
    public var output: [UInt8]
    /// Standard error, at most the cap.
    public var errorOutput: [UInt8]
    /// How it ended.
    public var termination: Termination
    /// Set when the host stopped it.
    public var stop: Stop?
    /// How many bytes of the input it read before closing its standard input (all of them normally).
    public var inputWritten: Int
    /// Seconds from spawn to reaping.
    public var elapsed: Double

    /// Creates a result.
    public init(output: [UInt8], errorOutput: [UInt8], termination: Termination, stop: Stop?, inputWritten: Int,
                elapsed: Double) {
        self.output = output
        self.errorOutput = errorOutput
        self.termination = termination
        self.stop = stop
        self.inputWritten = inputWritten
        self.elapsed = elapsed
    }
}
