import TacetDiagnostics

/// The findings of a learning-plan audit: `plan.*` codes, each ``summary`` a clause that follows
/// "checks that".
public enum PlanFinding: String, Sendable, CaseIterable, DiagnosticCode {
    case unknownTherapist = "plan.unknown-therapist"
    case noRequirements = "plan.no-requirements"
    case noCredential = "plan.no-credential"
    case cycleMismatch = "plan.cycle-mismatch"
    case unknownCourse = "plan.unknown-course"
    case unknownActivity = "plan.unknown-activity"
    case activityUnavailable = "plan.activity-unavailable"
    case duplicateCourse = "plan.duplicate-course"
    case alreadyCompleted = "plan.already-completed"
    case outsideCycle = "plan.outside-cycle"
    case prerequisiteOrder = "plan.prerequisite-order"
    case entryLevel = "plan.entry-level"
    case targetUnreached = "plan.target-unreached"
    case creditsShort = "plan.credits-short"
    case categoryMinimum = "plan.category-minimum"
    case hoursBudget = "plan.budget-hours"
    case moneyBudget = "plan.budget-money"
    case trainingLapse = "plan.training-lapse"
    case cycleEnded = "plan.cycle-ended"

    /// The severity the audit reports it with: warnings for what wastes effort, errors for what breaks the plan.
    public var defaultSeverity: Severity {
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
        case .noCredential: "a plan is for a therapist who holds a credential with a cycle (an intern's or student's profile may have none)"
        case .cycleMismatch: "the plan's cycle is the therapist's credential cycle"
        case .unknownCourse: "every course is in a catalog"
        case .unknownActivity: "every professional activity is one the therapist's Requirements credit"
        case .activityUnavailable: "every professional activity planned is one the therapist's profile lists as open to them"
        case .duplicateCourse: "no course appears twice"
        case .alreadyCompleted: "no course the therapist has already completed is planned again"
        case .outsideCycle: "every course is scheduled in a quarter that ends within the cycle"
        case .prerequisiteOrder: "every prerequisite is completed or scheduled in an earlier quarter"
        case .entryLevel: "a course starts only once the therapist has reached its entry level"
        case .targetUnreached: "the plan brings every area to the therapist's target and to the level the policy requires of the steps they review"
        case .creditsShort: "earned and planned credits reach the cycle's total"
        case .categoryMinimum: "earned and planned credits reach each minimum of a category or of a topic within one (e.g. ethics)"
        case .hoursBudget: "no year's courses take more hours than the therapist's yearly budget"
        case .moneyBudget: "no year's courses cost more than the therapist's yearly budget"
        case .trainingLapse: "training the policy requires of the therapist stays current from today to the cycle's end"
        case .cycleEnded: "every therapist's credential cycle still runs on the day checked (a profile whose cycleEnd is past needs the new cycle's dates)"
        }
    }
}
