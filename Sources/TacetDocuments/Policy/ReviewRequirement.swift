/// Who must review a task's AI output before use: a role, at a minimum level in a competency area.
public struct ReviewRequirement: Sendable, Hashable {
    /// The reviewer's role, e.g. `therapist` or `supervisor`.
    public var role: String
    /// The competency area the level is measured in; the task's own area when absent.
    public var area: String?
    /// The lowest level the reviewer may have in that area.
    public var minLevel: CompetencyLevel
}
