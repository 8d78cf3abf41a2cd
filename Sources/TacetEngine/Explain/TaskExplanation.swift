import TacetDocuments

/// What `tacet explain --task` shows: the task as each layer states it, and how each rule relates to it.
public struct TaskExplanation: Sendable {
    /// The task in force.
    public var task: Sourced<PolicyTask>
    /// The policy in force.
    public var policy: ResolvedPolicy
    /// The task as each layer that states it has it, base first.
    public var layers: [(LoadedDocument, PolicyTask)]
    /// Each rule with what it means for this task.
    public var rules: [(ResolvedRule, String)]
    /// The workflow asked about, and its steps that perform the task; nil when the task was asked about
    /// without a workflow.
    public var workflow: (document: LoadedDocument, steps: [String])?
}
