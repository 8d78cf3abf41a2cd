import TacetDocuments

/// What `tacet explain --task` shows: the task as each layer states it, and how each rule relates to it.
public struct TaskExplanation: Sendable {
    /// The task in force.
    public var task: Sourced<PolicyTask>
    /// The policy in force.
    public var policy: ResolvedPolicy
    /// Each layer that states the task, base first.
    public var layers: [Layer]
    /// Each rule with what it means for this task.
    public var rules: [(ResolvedRule, String)]
    /// The workflow asked about, and its steps that perform the task; nil when the task was asked about
    /// without a workflow.
    public var workflow: (document: LoadedDocument, steps: [String])?

    /// What one layer states of the task, and what it inherits.
    public struct Layer: Sendable {
        /// The layer.
        public var document: LoadedDocument
        /// The fields it writes.
        public var stated: TaskStatement
        /// The task in force once this layer is laid over those before it.
        public var task: PolicyTask
        /// The task in force before this layer; nil for the layer that first states it.
        public var before: PolicyTask?
        /// Each field it leaves out and so inherits, with the layer that last set it.
        public var inherited: [(field: TaskField, from: LoadedDocument)]
    }
}
