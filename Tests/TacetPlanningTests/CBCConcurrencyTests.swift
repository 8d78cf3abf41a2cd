import TacetDocuments
import Testing
@testable import TacetPlanning
import TacetPlanningTestSupport

/// CBC's branch and cut (``MILP/solve(timeLimit:cutoff:)``, a CbcModel of its own per call through CCbcModel) on
/// every core at once, against the same programs solved one at a time: no solve may see another's state.
@Suite("Planner's CBC on every core")
struct CBCConcurrencyTests {
    @Test("CBC solves on every core at once give the answers they give one at a time, with and without a cutoff")
    func concurrentSolves() {
        // The cost programs, with and without quarters, of PlannerTests' small random problems (tight ones too): the
        // generator's larger ones take CBC seconds each, one at a time, and add no other kind of state.
        let programs = (0..<UInt64(300)).flatMap { seed in
            let problem = PlannerTests.randomProblem(seed: seed, tight: seed % 2 == 1)
            return [false, true].map { scheduling in
                let model = PlanModel(problem: problem, scheduling: scheduling)
                var program = model.milp
                for slot in model.slots { program.setObjective(slot.column, model.cents[slot.course]) }
                return program
            }
        }
        let serial = programs.map { $0.solve(timeLimit: 60) }
        // Programs CBC settles both ways, and ones it must branch on: else this would test little.
        #expect(serial.filter { $0?.status == .optimal }.count > 40)
        #expect(serial.filter { $0?.status == .infeasible }.count > 5)
        RelaxationTests.expectSameOnEveryCore(serial, rounds: 2) { programs[$0].solve(timeLimit: 60) }
        // A cutoff at each optimum: nothing below it, so every one is proven infeasible, on every core at once.
        let optimal = programs.indices.filter { serial[$0]?.status == .optimal && !programs[$0].columns.isEmpty }
        let cut = Parallel.map(optimal.count) { programs[optimal[$0]].solve(timeLimit: 60, cutoff: (serial[optimal[$0]]?.objective ?? 0) - 0.5) }
        for (position, index) in optimal.enumerated() {
            #expect(cut[position]?.status == .infeasible, "program \(index) with a cutoff below its optimum")
        }
    }
}
