import TacetPlanning
import TacetTestSupport

extension Planner {
    /// The time limit of tests that check what the planner answers, not how fast: ten minutes (stretched by
    /// `TestTime` under sanitizers), which only guards the suite against a hang.
    ///
    /// In a test process every solve waits for CBC's one process-wide lock, and the wait counts against the
    /// limit (it is the therapist's). At the default limit a small problem could run out of time without having
    /// run: the reference comparison (`PlannerReferenceTests`) holds the lock up to its whole limit for each
    /// problem it cannot settle, several times over, and under a sanitizer it overlaps the brute-force
    /// comparisons, which then reported "ran out of its 10 s" and unproven plans for problems of a few courses.
    package static let testTimeLimit = TestTime.scaled(600)
}
