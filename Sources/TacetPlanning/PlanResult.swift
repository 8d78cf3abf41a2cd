import TacetDocuments

/// What the planner found for one therapist.
public enum PlanResult: Sendable {
    /// The cheapest plan (then the fewest hours) that meets every constraint.
    case plan(PlannedCourses)
    /// No plan meets the constraints; each reason names a constraint and by how much it fails.
    case infeasible([String])
    /// The time limit (seconds) ran out before any plan was found or proven impossible.
    case undecided(timeLimit: Double)
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
    /// Whether the plan is proven the cheapest, then the shortest; false when the time limit ran out first.
    public var optimal: Bool = true
    /// When not proven optimal: the least any plan can cost, as the solver bounded it (pinned training included).
    public var costBound: Double?
    /// When the cost is proven the least but the hours are not proven the fewest: the fewest hours a
    /// plan of that cost can take, as the solver bounded them.
    public var hoursBound: Double?
    /// The ids of the catalog courses the plan could not use because the therapist already holds every
    /// level they bring (``PlanningProblem/belowLevel``), for the plan's header to say why they are absent.
    public var belowLevel: [String] = []
}
