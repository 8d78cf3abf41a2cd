import TacetDiagnostics

/// What `tacet plan` reports beyond the plan audit's findings: `plan.*` codes of the planner itself.
public enum PlannerCode: String, Sendable, CaseIterable, DiagnosticCode {
    case noTherapist = "plan.no-therapist"
    case notProvenOptimal = "plan.not-proven-optimal"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .noTherapist: "no therapist to plan for was named or found"
        case .notProvenOptimal: "the time limit ran out before the plan found was proven the cheapest; the solver's bound is given"
        }
    }

    /// The severity each code is reported with.
    public var defaultSeverity: Severity {
        switch self {
        case .noTherapist: .error
        case .notProvenOptimal: .warning
        }
    }
}
