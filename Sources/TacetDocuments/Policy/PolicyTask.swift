/// A therapy task the policy classifies: how far AI may go in it and what that requires, as in force
/// once every layer's ``TaskStatement`` is laid over its base's.
public struct PolicyTask: Sendable, Hashable {
    /// The id workflow steps name in `task:`.
    public var id: String
    /// What the task is.
    public var title: String
    /// The competency area it belongs to.
    public var area: String
    /// The highest AI-use level allowed.
    public var maxAI: AIUseLevel
    /// Why it is classified so.
    public var rationale: String?
    /// The task's name in the client AI notice, in words a client understands.
    public var clientTitle: String?
    /// What AI does in the task, in words a client understands: the client AI notice's "What it does"
    /// for a step that gives no `clientDescription` of its own.
    public var clientDescription: String?
    /// What AI use in the task requires.
    public var requires: TaskRequirements
    /// Whether the task involves clinical judgement (true unless marked as logistics).
    public var clinical: Bool
    /// Framework items the task classifies: AI-at-Work statement ids and O*NET task ids.
    public var classifies: [String]
    /// Citation ids.
    public var cite: [String]
    /// Where the last layer that states the task states it.
    public var pointer: String
}
