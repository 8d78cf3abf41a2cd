import Foundation
import Testing
@testable import TacetPlanning
import TacetPlanningTestSupport
import TacetTestSupport

/// The planner against an exact reference built a second way: a CP-SAT model of the same documented
/// rules (`Scripts/plan-reference.py`), on the widened random instances of issue 19.
@Suite("Planner against the exact reference")
struct PlannerReferenceTests {
    /// How the planner's answer for `problem` compares with the reference's, in one line; nil when they agree.
    ///
    /// A `wrong` answer is one the reference refutes: a plan that breaks the rules, a proven optimum that is
    /// not the optimum, a plan where none exists, "no plan" where one exists, or, for a plan returned at the
    /// time limit, one cheaper than the optimum or a bound above it. An `unsettled` one is true but not
    /// proven within the time limit (the debug build on a shared machine is slow; `PlanBench settle`
    /// measures settling in release).
    enum Comparison {
        case wrong(String)
        case unsettled(String)
    }

    static func compare(seed: UInt64, _ problem: PlanningProblem, _ expected: PlanReference.Outcome) -> Comparison? {
        // Every generated amount is a whole number of hundredths, so any real difference shows in them.
        let f = Amounts.format
        let courses = "seed \(seed) (\(problem.courses.count) courses)"
        // The default time limit, stretched for a sanitizer's slower build (`TestTime`): the cap on unsettled answers
        // below is meant for a debug build's speed, and the same work then gets the same share of the limit.
        switch (Planner(problem, timeLimit: TestTime.scaled(Planner.defaultTimeLimit)).solve(), expected) {
        case (_, .unknown):
            return .wrong("\(courses): the reference stopped at its time limit")
        case (.plan(let plan), .optimal(let cost, let hours)):
            let errors = PlannerTests.scheduleErrors(plan, problem)
            if !errors.isEmpty { return .wrong("\(courses): the plan breaks the rules: \(errors)") }
            let found = "the planner's plan costs \(f(plan.cost)) for \(f(plan.hours)) hours"
            let optimum = "the optimum is \(f(cost)) for \(f(hours)) hours"
            if plan.optimal {
                // The reference counts in exact hundredths; the planner's sums of decimals are within rounding of them.
                if abs(plan.cost - cost) > 1e-6 || abs(plan.hours - hours) > 1e-6 { return .wrong("\(courses): \(found), proven; \(optimum)") }
                return nil
            }
            if plan.cost < cost - 1e-6 || (abs(plan.cost - cost) < 1e-6 && plan.hours < hours - 1e-6) {
                return .wrong("\(courses): \(found), cheaper than the optimum: \(optimum)")
            }
            if let bound = plan.costBound, bound > cost + 1e-6 { return .wrong("\(courses): the cost bound \(f(bound)) is above the optimum \(f(cost))") }
            if let bound = plan.hoursBound, bound > hours + 1e-6 { return .wrong("\(courses): the hours bound \(f(bound)) is above the optimum's \(f(hours))") }
            return .unsettled("\(courses): \(found), not proven at the time limit; \(optimum)")
        case (.plan(let plan), .infeasible):
            return .wrong("\(courses): the planner found a plan (cost \(f(plan.cost))) where the reference proves there is none")
        case (.infeasible(let reasons), .optimal(let cost, let hours)):
            return .wrong("\(courses): the planner says no plan (\(reasons.joined(separator: "; "))); the optimum is \(f(cost)) for \(f(hours)) hours")
        case (.undecided(let limit), .optimal(let cost, let hours)):
            return .unsettled("\(courses): no plan found within \(f(limit)) s; the optimum is \(f(cost)) for \(f(hours)) hours")
        case (.undecided(let limit), .infeasible):
            return .unsettled("\(courses): not proven impossible within \(f(limit)) s")
        case (.infeasible, .infeasible):
            return nil
        }
    }

    /// Compares the planner with the reference on the problems of `seeds`: the wrong and the unsettled answers, one
    /// line each, and how many problems have a plan; nil (with the reason printed) when the reference cannot run.
    static func compare(_ generator: PlanInstanceGenerator, seeds: Range<UInt64>) throws
        -> (wrong: [String], unsettled: [String], feasible: Int)? {
        if let reason = PlanReference.unavailable() {
            print("PlannerReferenceTests: skipped the comparison with the CP-SAT reference: \(reason)")
            return nil
        }
        let problems = seeds.map { generator.problem(seed: $0) }
        let expected = try PlanReference.solve(problems)
        var wrong: [String] = []
        var unsettled: [String] = []
        for (offset, problem) in problems.enumerated() {
            switch compare(seed: seeds.lowerBound + UInt64(offset), problem, expected[offset]) {
            case .wrong(let line): wrong.append(line)
            case .unsettled(let line): unsettled.append(line)
            case nil: break
            }
        }
        let feasible = expected.filter { if case .optimal = $0 { true } else { false } }.count
        return (wrong, unsettled, feasible)
    }

    @Test("on 60 random problems of 8 to 40 courses, the plan's cost, then hours, and whether one exists match the reference's optimum")
    func agreesWithReference() async throws {
        guard let (wrong, unsettled, feasible) = try await OwnThread.run({ try Self.compare(PlanInstanceGenerator(), seeds: 0..<60) }) else { return }
        // The generator must give both outcomes, or the comparison proves little.
        #expect(feasible > 15 && feasible < 55, "\(feasible) of 60 have a plan")
        for line in wrong { Issue.record(Comment(rawValue: line)) }
        // Settled at the default time limit: all but a few in a debug build on a busy machine (3 of 60, seeds 5,
        // 7 and 10, in two runs at a load average of 14-18 on two cores; 9 once at a load of about 20, with a fresh
        // clone's CI run beside the suite). The limit is wall-clock time, so the cap leaves room for load (and the
        // limit is stretched under sanitizers, see `compare`); the goal is none, which a deterministic limit (CBC's
        // node count) would let this test demand.
        #expect(unsettled.count <= 10, "\(unsettled.count) of 60 unsettled:\n\(unsettled.joined(separator: "\n"))")
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
