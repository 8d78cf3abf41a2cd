import TacetDocuments

/// A course the plan must take in a fixed quarter, outside the optimiser's choice: training the
/// policy requires, taken when it lapses (the latest quarter that keeps it current, so as few
/// renewals as possible), or in the first quarter when the therapist does not hold it yet.
public struct PinnedCourse: Sendable {
    /// The course.
    public var course: Course
    /// The index of its quarter in ``PlanningProblem/quarters``.
    public var quarter: Int
    /// Whether the therapist took it before (a renewal) rather than for the first time.
    public var renewal: Bool
    /// Whether its credits count toward the cycle (a first take, or a repeat where repeats earn credits).
    public var countsCredits: Bool
    /// Why it is in the plan.
    public var reasons: [String]

    /// Creates a pinned course.
    public init(course: Course, quarter: Int, renewal: Bool, countsCredits: Bool, reasons: [String]) {
        self.course = course
        self.quarter = quarter
        self.renewal = renewal
        self.countsCredits = countsCredits
        self.reasons = reasons
    }
}
