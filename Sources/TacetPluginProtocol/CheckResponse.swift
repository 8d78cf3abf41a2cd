/// What a plugin writes on standard output for `check`: findings, or an error when it could not judge.
public struct CheckResponse: Sendable, Hashable, Codable {
    /// The findings; empty when the document passed.
    public var findings: [PluginFinding]?
    /// Set when the plugin could not judge the document; the host reports it, never as a pass.
    public var error: PluginErrorReport?

    /// A response with findings.
    public init(findings: [PluginFinding]) { self.findings = findings }

    /// A response saying the plugin could not judge.
    public init(error: PluginErrorReport) { self.error = error }
}
