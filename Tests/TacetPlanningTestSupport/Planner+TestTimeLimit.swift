import TacetPlanning
import TacetTestSupport

extension Planner {
    /// The time limit of tests that check what the planner answers, not how fast: ten minutes (stretched by
    /// `TestTime` under sanitizers), which only guards the suite against a hang.
    ///
    /// Tests run in parallel, so a solve shares the cores with every other test's: at the default limit a small
    /// problem could run out of time under a sanitizer (up to 20 times slower), when the brute-force and reference
    /// comparisons overlap, and report "ran out of its 10 s" or an unproven plan for a problem of a few courses.
    package static let testTimeLimit = TestTime.scaled(600)
}
