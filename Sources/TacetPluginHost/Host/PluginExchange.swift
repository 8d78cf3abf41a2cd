/// One call's answer from a plugin that ran cleanly (exit 0, in time, within the caps, request read).
public struct PluginExchange: Sendable {
    /// Standard output: the JSON answer, not yet decoded.
    public var output: [UInt8]
    /// The first lines of standard error.
    public var errorLines: [String]

    /// Creates an exchange.
    public init(output: [UInt8], errorLines: [String]) {
        self.output = output
        self.errorLines = errorLines
    }
}
