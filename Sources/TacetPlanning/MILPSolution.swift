/// What CBC made of a ``MILP``: a proven optimum, a proof that nothing is feasible, or where it stopped.
struct MILPSolution {
    /// How the solve ended.
    enum Status: Equatable {
        /// `values` is an optimal solution.
        case optimal
        /// No solution satisfies the constraints.
        case infeasible
        /// The time limit ran out first; `values` is the best solution found, when there is one.
        case stopped
    }

    var status: Status
    /// The best solution's column values; empty when none was found.
    var values: [Double]
    /// The best solution's objective value (meaningless without `values`).
    var objective: Double
    /// The solver's lower bound on the optimal objective value: no solution can be below it.
    var bound: Double
}
