import TacetDocuments

/// What the planner found for one therapist.
public enum PlanResult: Sendable {
    /// The cheapest plan (then the fewest hours) that meets every constraint.
    case plan(PlannedCourses)
    /// No plan meets the constraints; each reason names a constraint and by how much it fails.
    case infeasible([String])
    /// The search ran out of its step budget before finding any plan or proving there is none.
    case undecided(steps: Int)
}

/// An optimal selection of courses, each with its quarter and reasons.
public struct PlannedCourses: Sendable {
    /// One course of the plan.
    public struct Item: Sendable {
        /// The course.
        public var course: Course
        /// When it is taken.
        public var quarter: Quarter
        /// Why it is in the plan.
        public var reasons: [String]
    }

    /// The courses, in quarter order.
    public var items: [Item]
    /// Their total cost.
    public var cost: Double
    /// Their total contact hours.
    public var hours: Double
    /// Credits counted toward the cycle once the plan is done (earned ones included).
    public var credits: Double
    /// Whether the plan is proven the cheapest; false when the search's step budget ran out first.
    public var optimal: Bool = true
}
