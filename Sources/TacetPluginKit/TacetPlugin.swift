import TacetPluginProtocol

/// A checker plugin written in Swift: describe yourself, check one request, and let ``PluginMain``
/// handle the protocol.
///
/// ```swift
/// struct NoEmptySteps: TacetPlugin {
///     let description = DescribeResponse(name: "no-empty-steps", version: "1.0.0", kinds: ["Workflow"],
///                                        rules: [PluginRule(id: "no-empty-steps/empty", severity: .warning, summary: "...")])
///     func check(_ request: CheckRequest) throws -> [PluginFinding] { ... }
/// }
/// PluginMain.exit(NoEmptySteps())
/// ```
public protocol TacetPlugin: Sendable {
    /// What `describe` answers.
    var description: DescribeResponse { get }

    /// The findings for one request. Throw when the document cannot be judged: the host is told
    /// so through the response's `error` object, never a silent pass.
    func check(_ request: CheckRequest) throws -> [PluginFinding]
}
