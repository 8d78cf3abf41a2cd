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
}
