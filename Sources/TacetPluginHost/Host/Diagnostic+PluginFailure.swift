import TacetDiagnostics

extension Diagnostic {
    /// Whether this reports a plugin that failed (a `plugin.*` code) rather than a finding.
    public var isPluginFailure: Bool { PluginErrorCode(rawValue: code) != nil }
}
