import TacetDocuments

/// A policy with its layers stacked: every task, tool, rule and citation in force.
public struct ResolvedPolicy: Sendable {
    /// The policy's name (its last layer's).
    public var name: String
    /// The layers, base first; the last is the policy itself.
    public var layers: [LoadedDocument]
    /// Tasks by id, as the last layer that stated them left them.
    public var tasks: [String: Sourced<PolicyTask>]
    /// Task ids in the order they were first stated.
    public var taskOrder: [String]
    /// Approved tools by id.
    public var tools: [String: Sourced<ApprovedTool>]
    /// Rules, base layers' first.
    public var rules: [ResolvedRule]
    /// Citations by id.
    public var citations: [String: Citation]
    /// The client notice's settings, every layer's laid over its base's; nil when no layer states any.
    public var notice: NoticeSettings? = nil
    /// The supervised roles and their supervisors, every layer's laid over its base's; nil when no layer states any.
    public var supervision: SupervisionSettings? = nil
    /// The recognised credentials, as the last layer that states them narrows them; nil when no layer states any.
    public var credentials: CredentialSettings? = nil
    /// Whether any layer had an error; a policy with errors is never used to pass a workflow.
    public var hasErrors: Bool

    /// The tasks in the order they were first stated.
    public var orderedTasks: [Sourced<PolicyTask>] { taskOrder.compactMap { tasks[$0] } }
}
