import Testing
@testable import TacetPlanning
import TacetTestSupport

/// The search's own bookkeeping against the plain reading of the rules it stands for.
@Suite("Planner's search")
struct PlannerSearchTests {
    @Test("the search's level check by ranks agrees with the levels the chosen courses lead to, on random selections")
    func levelsByRank() {
        var random = SplitMix64(state: 19)
        var met = 0
        var unmet = 0
        for seed in 0..<UInt64(300) {
            let problem = PlannerTests.randomProblem(seed: seed, tight: seed % 2 == 1)
            var search = PlannerSearch(problem: problem, maxSteps: 0)
            for _ in 0..<20 {
                search.chosen = problem.courses.indices.map { _ in random.chance(50) }
                let expected = Planner.reachableLevels(problem, search.chosen).map { levels in
                    problem.gaps.allSatisfy { gap in levels[gap.area].map { $0 >= gap.required } ?? false }
                } ?? false
                #expect(search.levelsMet() == expected, "problem \(seed), chosen \(search.chosen)")
                if expected { met += 1 } else { unmet += 1 }
            }
        }
        // Both answers, many times: else the comparison would say little.
        #expect(met > 200)
        #expect(unmet > 200)
    }
}
