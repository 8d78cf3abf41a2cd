/// Where one therapist's planning spent its time (``Planner/solve(phases:)``): for PlanBench, which
/// reports it per phase; the plan does not depend on it.
public struct PlanPhases: Sendable {
    /// Which step settled the problem.
    public enum Settled: Sendable {
        /// Nothing: the problem's own data said no plan exists (required training, pinned budgets).
        case data
        /// The quick search (``PlannerSearch``).
        case search
        /// The program of the courses alone, without quarters.
        case selection
        /// The program with quarters.
        case scheduled
    }

    /// Seconds building the search's tables and searching.
    public var search = 0.0
    /// Seconds in the program without quarters, every round.
    public var selection = 0.0
    /// How many times the program without quarters was solved.
    public var selectionRounds = 0
    /// Seconds in the program with quarters.
    public var scheduled = 0.0
    /// Seconds saying why no plan exists.
    public var diagnosis = 0.0
    /// The step that settled it, or last ran.
    public var settled = Settled.data

    /// Nothing spent yet.
    public init() {}
}
