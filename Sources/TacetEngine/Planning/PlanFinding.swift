import TacetDiagnostics

/// The findings of a learning-plan audit; the raw value is the rule id findings carry.
public enum PlanFinding: String, Sendable, CaseIterable {
    /// The plan's therapist is not in the roster.
    case unknownTherapist = "plan.unknown-therapist"
    /// No Requirements document covers the therapist's credential.
    case noRequirements = "plan.no-requirements"
    /// The plan's cycle differs from the therapist's credential cycle.
    case cycleMismatch = "plan.cycle-mismatch"
    /// A course is in no catalog.
    case unknownCourse = "plan.unknown-course"
    /// A course appears twice.
    case duplicateCourse = "plan.duplicate-course"
    /// A course the therapist has already completed.
    case alreadyCompleted = "plan.already-completed"
    /// A course scheduled outside the cycle.
    case outsideCycle = "plan.outside-cycle"
    /// A prerequisite is neither completed nor scheduled in an earlier quarter.
    case prerequisiteOrder = "plan.prerequisite-order"
    /// A course starts before the therapist reaches its entry level.
    case entryLevel = "plan.entry-level"
    /// Earned and planned credits fall short of the cycle's total.
    case creditsShort = "plan.credits-short"
    /// Earned and planned credits fall short of a category's minimum (e.g. ethics).
    case categoryMinimum = "plan.category-minimum"
    /// A year's courses take more hours than the therapist's yearly budget.
    case hoursBudget = "plan.budget-hours"
    /// A year's courses cost more than the therapist's yearly budget.
    case moneyBudget = "plan.budget-money"
    /// Training the policy requires of the therapist lapses (or is never held) before the cycle ends,
    /// with no renewal planned in time.
    case trainingLapse = "plan.training-lapse"

    /// The severity the audit reports it with: warnings for what wastes effort, errors for what breaks the plan.
    public var severity: Severity {
        switch self {
        case .cycleMismatch, .duplicateCourse, .alreadyCompleted: .warning
        default: .error
        }
    }

    /// What the audit checks, in one line.
    public var summary: String {
        switch self {
        case .unknownTherapist: "the plan's therapist is in the roster"
        case .noRequirements: "a Requirements document covers the therapist's credential"
        case .cycleMismatch: "the plan's cycle is the therapist's credential cycle"
        case .unknownCourse: "every course is in a catalog"
        case .duplicateCourse: "no course appears twice"
        case .alreadyCompleted: "no course the therapist has already completed is planned again"
        case .outsideCycle: "every course is scheduled inside the cycle"
        case .prerequisiteOrder: "every prerequisite is completed or scheduled in an earlier quarter"
        case .entryLevel: "a course starts only once the therapist has reached its entry level"
        case .creditsShort: "earned and planned credits reach the cycle's total"
        case .categoryMinimum: "earned and planned credits reach each category's minimum (e.g. ethics)"
        case .hoursBudget: "no year's courses take more hours than the therapist's yearly budget"
        case .moneyBudget: "no year's courses cost more than the therapist's yearly budget"
        case .trainingLapse: "training the policy requires of the therapist stays current from today to the cycle's end"
        }
    }
}
