import TacetDiagnostics

/// What running the plugins over a set of documents produced.
public struct PluginRunReport: Sendable {
    /// Findings the plugins reported, mapped to file:line:column, in order.
    public var findings: [Diagnostic]
    /// Plugin failures (severity from the options), in order. Never empty when a call failed.
    public var failures: [Diagnostic]
    /// The plugins that described themselves acceptably.
    public var described: [DescribedPlugin]
    /// How many check calls ran.
    public var calls: Int
}
