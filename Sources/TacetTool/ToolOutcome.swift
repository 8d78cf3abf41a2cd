import TacetDiagnostics

/// What a command produced, for the CLI to print: standard output text, diagnostics for standard
/// error, the source bytes those diagnostics point into, and the exit status.
public struct ToolOutcome: Sendable {
    /// Text for standard output.
    public var output: String
    /// Diagnostics for standard error, in order.
    public var diagnostics: [Diagnostic]
    /// Findings for standard output, rendered before `output` (the product of `check`).
    public var findings: [Diagnostic]
    /// A closing line for standard error (counts), if any.
    public var summary: String?
    /// File bytes by path, so diagnostics can show their source line.
    public var sources: [String: [UInt8]]
    /// The lines diagnostics quote from files whose bytes were released (a check's streamed workflows).
    public var quoted: [String: QuotedLines]
    /// The exit status.
    public var status: ExitStatus

    /// Creates an outcome.
    public init(output: String = "", diagnostics: [Diagnostic] = [], findings: [Diagnostic] = [], summary: String? = nil,
                sources: [String: [UInt8]] = [:], quoted: [String: QuotedLines] = [:], status: ExitStatus) {
        self.output = output
        self.diagnostics = diagnostics
        self.findings = findings
        self.summary = summary
        self.sources = sources
        self.quoted = quoted
        self.status = status
    }

    /// An outcome that only reports diagnostics and fails as invalid input.
    public static func invalid(_ diagnostics: [Diagnostic], sources: [String: [UInt8]] = [:]) -> ToolOutcome {
        ToolOutcome(diagnostics: diagnostics, sources: sources, status: .invalid)
    }
}
