import TacetPluginProtocol

/// A checker plugin written in Swift: describe yourself, check one document in its context, and let
/// ``PluginMain`` handle the protocol.
///
/// The same `check` serves both protocol versions: protocol 1 sends one document per call, protocol 2 a
/// batch that ``PluginMain`` splits into documents, each with its own policy.
///
/// ```swift
/// struct NoEmptySteps: TacetPlugin {
///     let description = DescribeResponse(name: "no-empty-steps", version: "1.0.0", protocols: PluginMain.protocols,
///                                        kinds: ["Workflow"],
///                                        rules: [PluginRule(id: "no-empty-steps/empty", severity: .warning, summary: "...")])
///     func check(_ document: RequestDocument, context: CheckContext) throws -> [PluginFinding] { ... }
/// }
/// PluginMain.exit(NoEmptySteps())
/// ```
public protocol TacetPlugin: Sendable {
    /// What `describe` answers.
    var description: DescribeResponse { get }

    /// The findings for one document. Throw when the document cannot be judged: the host is told so
    /// through that document's `error` object, never a silent pass, and the batch's other documents still count.
    func check(_ document: RequestDocument, context: CheckContext) throws -> [PluginFinding]
}
