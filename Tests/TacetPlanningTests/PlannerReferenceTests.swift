import Foundation
import Testing
@testable import TacetPlanning
import TacetPlanningTestSupport

/// The planner against an exact reference built a second way: a CP-SAT model of the same documented
/// rules (`Scripts/plan-reference.py`), on the widened random instances of issue 19.
@Suite("Planner against the exact reference")
struct PlannerReferenceTests {
    /// The search's step budget here: at its default of 3,000,000 steps a debug build takes minutes on each
    /// problem the search cannot settle. Once the CBC solver (issue 19, branch wt-cbc) settles every problem,
    /// this budget goes, with the known-issue mark below.
    static let maxSteps = 30_000

    /// How the planner's answer for `problem` differs from the reference's, in one line; nil when they agree.
    /// A plan must also be a valid schedule (``PlannerTests/scheduleErrors(_:_:)``) and proven optimal.
    static func disagreement(seed: UInt64, _ problem: PlanningProblem, _ expected: PlanReference.Outcome) -> String? {
        // Every generated amount is a whole number of hundredths, so any real difference shows in them.
        let f = Amounts.format
        let courses = "\(problem.courses.count) courses"
        switch (Planner(problem, maxSteps: maxSteps).solve(), expected) {
        case (_, .unknown):
            return "seed \(seed) (\(courses)): the reference stopped at its time limit"
        case (.plan(let plan), .optimal(let cost, let hours)):
            let errors = PlannerTests.scheduleErrors(plan, problem)
            if !errors.isEmpty { return "seed \(seed) (\(courses)): the plan breaks the rules: \(errors)" }
            // The reference counts in exact hundredths; the planner's sums of decimals are within rounding of them.
            if abs(plan.cost - cost) > 1e-6 || abs(plan.hours - hours) > 1e-6 {
                return "seed \(seed) (\(courses)): the planner's plan costs \(f(plan.cost)) for \(f(plan.hours)) hours"
                    + "\(plan.optimal ? "" : " (not proven optimal)"); the optimum is \(f(cost)) for \(f(hours)) hours"
            }
            return plan.optimal ? nil : "seed \(seed) (\(courses)): the optimal plan was found but not proven optimal"
        case (.plan(let plan), .infeasible):
            return "seed \(seed) (\(courses)): the planner found a plan (cost \(f(plan.cost))) where the reference proves there is none"
        case (.infeasible(let reasons), .optimal(let cost, let hours)):
            return "seed \(seed) (\(courses)): the planner says no plan (\(reasons.joined(separator: "; "))); the optimum is \(f(cost)) for \(f(hours)) hours"
        case (.undecided(let steps), .optimal(let cost, let hours)):
            return "seed \(seed) (\(courses)): the planner gave up after \(steps) steps; the optimum is \(f(cost)) for \(f(hours)) hours"
        case (.undecided(let steps), .infeasible):
            return "seed \(seed) (\(courses)): the planner gave up after \(steps) steps; the reference proves there is no plan"
        case (.infeasible, .infeasible):
            return nil
        }
    }

    /// Compares the planner with the reference on the problems of `seeds`: every disagreement, one line each, and
    /// how many problems have a plan; nil (with the reason printed) when the reference cannot run.
    static func compare(_ generator: PlanInstanceGenerator, seeds: Range<UInt64>) throws -> (disagreements: [String], feasible: Int)? {
        if let reason = PlanReference.unavailable() {
            print("PlannerReferenceTests: skipped the comparison with the CP-SAT reference: \(reason)")
            return nil
        }
        let problems = seeds.map { generator.problem(seed: $0) }
        let expected = try PlanReference.solve(problems)
        var disagreements: [String] = []
        for (offset, problem) in problems.enumerated() {
            if let line = disagreement(seed: seeds.lowerBound + UInt64(offset), problem, expected[offset]) { disagreements.append(line) }
        }
        let feasible = expected.filter { if case .optimal = $0 { true } else { false } }.count
        return (disagreements, feasible)
    }

    @Test("on 60 random problems of 8 to 40 courses, the plan's cost, then hours, and whether one exists match the reference's optimum")
    func agreesWithReference() throws {
        guard let (disagreements, feasible) = try Self.compare(PlanInstanceGenerator(), seeds: 0..<60) else { return }
        // The generator must give both outcomes, or the comparison proves little.
        #expect(feasible > 15 && feasible < 55, "\(feasible) of 60 have a plan")
        withKnownIssue("issue 19: the search gives no plan or a dearer one on some of these; the CBC solver (branch wt-cbc) settles them") {
            for line in disagreements { Issue.record(Comment(rawValue: line)) }
        }
    }

    @Test("the reference itself agrees with brute force over every subset on 200 small problems (3 to 9 courses)")
    func referenceAgreesWithBruteForce() throws {
        if let reason = PlanReference.unavailable() {
            print("PlannerReferenceTests: skipped the reference's own check: \(reason)")
            return
        }
        let problems = (UInt64(0)..<200).map { PlannerTests.randomProblem(seed: $0, tight: $0 % 2 == 1) }
        let answers = try PlanReference.solve(problems)
        for (seed, (problem, answer)) in zip(problems, answers).enumerated() {
            switch (PlannerTests.bruteForce(problem), answer) {
            case (nil, .infeasible): break
            case (let best?, .optimal(let cost, let hours)):
                #expect(abs(best.cost - cost) < 1e-6 && abs(best.hours - hours) < 1e-6,
                        "seed \(seed): brute force \(best.cost) for \(best.hours) hours, the reference \(cost) for \(hours)")
            case (let best, let answer):
                Issue.record("seed \(seed): brute force \(String(describing: best)), the reference \(answer)")
            }
        }
    }
}
