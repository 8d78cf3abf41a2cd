import TacetDocuments

/// A competency area where a therapist must reach a higher level, and why.
public struct Gap: Sendable, Hashable {
    /// The competency area.
    public var area: String
    /// The therapist's level now (nil: none recorded).
    public var current: CompetencyLevel?
    /// The level to reach: the highest of the target and what the policy requires.
    public var required: CompetencyLevel
    /// Why, one line each: the target, and each review the policy requires the level for.
    public var reasons: [String]

    /// Creates a gap.
    public init(area: String, current: CompetencyLevel?, required: CompetencyLevel, reasons: [String]) {
        self.area = area
        self.current = current
        self.required = required
        self.reasons = reasons
    }
}
