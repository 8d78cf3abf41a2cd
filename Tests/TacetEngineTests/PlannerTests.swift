import Testing
@testable import TacetDocuments
@testable import TacetEngine

/// A small deterministic generator, so failures reproduce from the case number.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
}

@Suite("Planner")
struct PlannerTests {
    static let areas = ["a", "b", "c"]

    static func randomProblem(seed: UInt64) -> PlanningProblem {
        var random = SplitMix64(state: seed)
        let levels = CompetencyLevel.allCases
        var courses: [Course] = []
        for index in 0..<random.int(3...9) {
            var outcomes: [CourseOutcome] = []
            for _ in 0..<random.int(0...2) {
                let level = levels[random.int(0...3)]
                let entry = level > .emerging && random.chance(50) ? levels[random.int(0...(level.rank - 1))] : nil
                outcomes.append(CourseOutcome(area: areas[random.int(0...2)], level: level, entry: entry))
            }
            let prerequisites = index > 0 && random.chance(20) ? ["c\(random.int(0...(index - 1)))"] : []
            courses.append(Course(id: "c\(index)", title: "C\(index)", provider: "P", credits: Double(random.int(0...20)),
                                  category: random.chance(25) ? "ethics" : "x", hours: Double(random.int(1...10)),
                                  cost: Double(random.int(0...20) * 5), format: .online, outcomes: outcomes,
                                  prerequisites: prerequisites, renewalMonths: nil, illustrative: true, pointer: ""))
        }
        var current: [String: CompetencyLevel] = [:]
        for area in areas where random.chance(60) { current[area] = levels[random.int(0...2)] }
        var gaps: [Gap] = []
        for area in areas where random.chance(40) {
            let from = current[area].map { $0.rank + 1 } ?? 0
            guard from <= 3 else { continue }
            gaps.append(Gap(area: area, current: current[area], required: levels[random.int(from...3)], reasons: ["target"]))
        }
        var quarters: [Quarter] = []
        var quarter = Quarter(year: 2027, quarter: random.int(1...4)) ?? Quarter(containing: .epoch)
        for _ in 0..<random.int(1...8) {
            quarters.append(quarter)
            quarter = quarter.next
        }
        let total = Double(random.int(0...60))
        return PlanningProblem(
            courses: courses, levels: current, gaps: gaps, credits: total, earned: random.chance(30) ? ["x": Double(random.int(0...20))] : [:],
            total: total, minimums: random.chance(50) ? ["ethics": Double(random.int(1...5))] : [:],
            caps: random.chance(20) ? ["x": Double(random.int(10...40))] : [:], completed: [], quarters: quarters,
            hoursPerYear: random.chance(50) ? Double(random.int(5...30)) : nil,
            moneyPerYear: random.chance(40) ? Double(random.int(10...60) * 5) : nil)
    }

    /// Every subset, checked with the same constraints, keeping the cheapest then shortest.
    static func bruteForce(_ problem: PlanningProblem) -> (cost: Double, hours: Double)? {
        let scheduler = Scheduler(problem: problem)
        var best: (cost: Double, hours: Double)?
        for mask in 0..<(1 << problem.courses.count) {
            let chosen = problem.courses.indices.map { mask & (1 << $0) != 0 }
            guard Planner.meetsStaticConstraints(problem, chosen) else { continue }
            let selection = problem.courses.indices.filter { chosen[$0] }
            guard scheduler.schedule(selection) != nil else { continue }
            let cost = selection.reduce(0) { $0 + problem.courses[$1].cost }
            let hours = selection.reduce(0) { $0 + problem.courses[$1].hours }
            if best.map({ cost < $0.cost - 1e-9 || (abs(cost - $0.cost) <= 1e-9 && hours < $0.hours - 1e-9) }) ?? true {
                best = (cost, hours)
            }
        }
        return best
    }

    @Test("the plan is optimal: same cost and hours as brute force on 400 random small problems")
    func optimality() {
        var feasible = 0
        for seed in 0..<UInt64(400) {
            let problem = Self.randomProblem(seed: seed)
            let expected = Self.bruteForce(problem)
            switch Planner(problem).solve() {
            case .plan(let plan):
                feasible += 1
                #expect(expected != nil, "case \(seed): planner found a plan brute force did not")
                #expect(abs(plan.cost - (expected?.cost ?? -1)) < 1e-6, "case \(seed): cost \(plan.cost) vs \(String(describing: expected))")
                #expect(abs(plan.hours - (expected?.hours ?? -1)) < 1e-6, "case \(seed): hours \(plan.hours) vs \(String(describing: expected))")
            case .infeasible(let reasons):
                #expect(expected == nil, "case \(seed): brute force found \(String(describing: expected)); planner said \(reasons)")
                #expect(!reasons.isEmpty)
            }
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        #expect(feasible > 100)
        #expect(feasible < 390)
    }
}
