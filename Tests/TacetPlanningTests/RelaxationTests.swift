import Foundation
import Testing
@testable import TacetDocuments
@testable import TacetPlanning
import TacetPlanningTestSupport

/// The linear relaxation solved with Clp (``MILP/relaxation(timeLimit:cutoff:)``), which settles a program's
/// stage without CBC when its optimum takes whole courses: against CBC on the same programs, and on two
/// threads at once against the same relaxations solved one at a time.
@Suite("Planner's linear relaxation")
struct RelaxationTests {
    /// The cost program of each problem without quarters, and of each with quarters: the programs the planner's
    /// stages solve first, from PlannerTests' small random problems (tight ones too) and PlanBench's generator.
    static func programs(_ count: UInt64) -> [MILP] {
        var problems = (0..<count).map { PlannerTests.randomProblem(seed: $0, tight: $0 % 2 == 1) }
        problems += (0..<count / 4).map { PlanInstanceGenerator().problem(seed: $0) }
        return problems.flatMap { problem in
            [false, true].map { scheduling in
                let model = PlanModel(problem: problem, scheduling: scheduling)
                var program = model.milp
                for slot in model.slots { program.setObjective(slot.column, model.cents[slot.course]) }
                return program
            }
        }
    }

    @Test("where the relaxation settles a program, CBC agrees: the same optimum, or no solution; and it settles many")
    func relaxationAgreesWithCBC() {
        var settled = 0
        var infeasible = 0
        for (index, program) in Self.programs(200).enumerated() {
            guard let relaxed = program.relaxation(timeLimit: 60) else { continue }
            guard let exact = program.solve(timeLimit: 60) else {
                Issue.record("program \(index): CBC made no model")
                continue
            }
            switch relaxed.status {
            case .optimal:
                settled += 1
                #expect(exact.status == .optimal, "program \(index): CBC \(exact.status), the relaxation optimal")
                #expect(abs(exact.objective - relaxed.objective) < 1e-6, "program \(index): CBC \(exact.objective), the relaxation \(relaxed.objective)")
                // The relaxation's solution is one of the program's, whole in every integer column.
                #expect(program.wholeSolution(relaxed.values) == relaxed.values, "program \(index)")
            case .infeasible:
                infeasible += 1
                #expect(exact.status == .infeasible, "program \(index): CBC \(exact.status), the relaxation infeasible")
            case .stopped:
                Issue.record("program \(index): a relaxation without a time limit reported stopped")
            }
        }
        // Both answers occur, or the comparison shows little.
        #expect(settled > 20)
        #expect(infeasible > 5)
    }

    @Test("a cutoff below the relaxation's optimum is no solution; one above it keeps the optimum")
    func cutoff() throws {
        let program = try #require(Self.programs(40).first { $0.relaxation(timeLimit: 60)?.status == .optimal && ($0.relaxation(timeLimit: 60)?.objective ?? 0) > 1 })
        let optimum = try #require(program.relaxation(timeLimit: 60)).objective
        #expect(program.relaxation(timeLimit: 60, cutoff: optimum - 0.5)?.status == .infeasible)
        #expect(program.relaxation(timeLimit: 60, cutoff: optimum + 0.5)?.objective == optimum)
    }

    /// Solves program `index` with `solve` on every core at once, `rounds` times, each program taken by whichever
    /// thread comes: status, values and objective must be those of `serial`, the same solved one at a time (a static
    /// that two solves share would show as a mismatch).
    static func expectSameOnEveryCore(_ serial: [MILPSolution?], rounds: Int, _ solve: @Sendable (Int) -> MILPSolution?) {
        for _ in 0..<rounds {
            let parallel = Parallel.map(serial.count, solve)
            for index in serial.indices {
                #expect(parallel[index]?.status == serial[index]?.status, "program \(index)")
                #expect(parallel[index]?.values == serial[index]?.values, "program \(index)")
                #expect(parallel[index]?.objective == serial[index]?.objective, "program \(index)")
            }
        }
    }

    @Test("relaxations solved on every core at once give the answers they give one at a time")
    func concurrentRelaxations() {
        let programs = Self.programs(120)
        let serial = programs.map { $0.relaxation(timeLimit: 60) }
        Self.expectSameOnEveryCore(serial, rounds: 3) { programs[$0].relaxation(timeLimit: 60) }
        // Every program four times over, the copies spread over the threads.
        let copies = 4
        let again = Parallel.map(programs.count * copies) { programs[$0 % programs.count].relaxation(timeLimit: 60) }
        for (position, result) in again.enumerated() {
            #expect(result?.status == serial[position % programs.count]?.status, "program \(position % programs.count)")
            #expect(result?.values == serial[position % programs.count]?.values, "program \(position % programs.count)")
        }
    }
}
