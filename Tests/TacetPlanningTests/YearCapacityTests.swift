import Testing
@testable import TacetDocuments
@testable import TacetPlanning
import TacetPlanningTestSupport
import TacetTestSupport

@Suite("Year capacity")
struct YearCapacityTests {
    static func course(_ id: String, credits: Double, hours: Double, cost: Double) -> Course {
        Course(id: id, title: id, provider: "P", credits: credits, category: "x", hours: hours, cost: cost, format: .online,
               outcomes: [], prerequisites: [], renewalMonths: nil, illustrative: true, pointer: "")
    }

    /// The most of each amount a set of `courses` fitting `room` adds up to, by trying every set.
    static func bruteForce(_ courses: [Course], room: YearRoom) -> (credits: Double, hours: Double, money: Double) {
        var best = (credits: 0.0, hours: 0.0, money: 0.0)
        for mask in 0..<(1 << courses.count) {
            let set = courses.indices.filter { mask & (1 << $0) != 0 }.map { courses[$0] }
            let hours = set.reduce(0) { $0 + $1.hours }
            let money = set.reduce(0) { $0 + $1.cost }
            guard !Amounts.exceeds(hours, room.hours), !Amounts.exceeds(money, room.money) else { continue }
            best = (max(best.credits, set.reduce(0) { $0 + $1.credits }), max(best.hours, hours), max(best.money, money))
        }
        return best
    }

    @Test("never below what a set of courses that fits the year reaches, and exact under one budget, on 400 random years")
    func neverBelowBruteForce() {
        var exactCount = 0
        for seed in UInt64(0)..<400 {
            var random = SplitMix64(state: seed)
            // Hours as the generator makes them (credits at 50 minutes, to the hundredth), or any hundredths; money in
            // steps of five or any cents.
            let courses = (0..<random.int(1...10)).map { index in
                let credits = Double(random.int(1...30)) / 2
                let hours = random.chance(70) ? Double(Int((credits * 5000 / 60).rounded())) / 100 : Double(random.int(1...1500)) / 100
                let cost = random.chance(60) ? Double(random.int(0...80) * 5) : Double(random.int(0...40000)) / 100
                return Self.course("c\(index)", credits: credits, hours: hours, cost: cost)
            }
            let total = courses.reduce((hours: 0.0, money: 0.0)) { ($0.hours + $1.hours, $0.money + $1.cost) }
            // A room some sets fit exactly, one of the budgets unset now and then.
            let hours = random.chance(15) ? Double.infinity
                : random.chance(40) ? courses.prefix(random.int(1...courses.count)).reduce(0) { $0 + $1.hours }
                : Double(random.int(0...Int(total.hours * 100))) / 100
            let money = random.chance(30) ? Double.infinity
                : random.chance(40) ? courses.suffix(random.int(1...courses.count)).reduce(0) { $0 + $1.cost }
                : Double(random.int(0...Int(total.money * 100))) / 100
            let room = YearRoom(hours: hours, money: money)
            let capacity = YearCapacity(room: room, courses: courses)
            let best = Self.bruteForce(courses, room: room)
            #expect(capacity.credits + Amounts.tolerance >= best.credits, "seed \(seed): \(capacity) \(best)")
            #expect(capacity.hours + Amounts.tolerance >= best.hours, "seed \(seed): \(capacity) \(best)")
            #expect(capacity.money + Amounts.tolerance >= best.money, "seed \(seed): \(capacity) \(best)")
            // Under one budget the knapsack is the brute force's answer (amounts are whole hundredths).
            if money.isInfinite && hours.isFinite {
                #expect(abs(capacity.credits - best.credits) < 1e-6 && abs(capacity.hours - best.hours) < 1e-6, "seed \(seed): \(capacity) \(best)")
                exactCount += 1
            }
            if hours.isInfinite && money.isFinite {
                #expect(abs(capacity.credits - best.credits) < 1e-6 && abs(capacity.money - best.money) < 1e-6, "seed \(seed): \(capacity) \(best)")
                exactCount += 1
            }
        }
        #expect(exactCount > 50)
    }

    @Test("a budget of 27 hours a year holds at most 32 credits of courses at 50 minutes a credit, not the 32.4 its hours would")
    func stepsOfCourseHours() {
        let courses = (0..<40).map { Self.course("f\($0)", credits: 3, hours: 2.5, cost: 0) }
            + (0..<20).map { Self.course("h\($0)", credits: 0.5, hours: 0.42, cost: 0) }
        let capacity = YearCapacity(room: YearRoom(hours: 27, money: .infinity), courses: courses)
        #expect(capacity.credits == 32)
        // Eight 2.5-hour courses and sixteen of 0.42 hours: 26.72; money is not budgeted.
        #expect(abs(capacity.hours - 26.72) < 1e-9)
        #expect(capacity.money == .infinity)
    }

    /// PlanBench's seed 869 in small: 96.4 credits wanted over three years of 27 hours. Their 80.4 hours fit
    /// the cycle's 81, but no year holds more than 32 credits, so no plan exists.
    static let yearsTooSmall: PlanningProblem = {
        let courses = (0..<40).map { course("f\($0)", credits: 3, hours: 2.5, cost: 0) }
            + (0..<20).map { course("h\($0)", credits: 0.5, hours: 0.42, cost: 5) }
        let quarters = ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2", "2028-Q3", "2028-Q4",
                        "2029-Q1", "2029-Q2", "2029-Q3", "2029-Q4"].compactMap { Quarter($0) }
        return PlanningProblem(courses: courses, levels: [:], gaps: [], credits: 96.4, earned: ["x": 3.6], total: 100, minimums: [],
                               caps: [:], completed: [], quarters: quarters, hoursPerYear: 27, moneyPerYear: nil)
    }()

    @Test("credits that fit the cycle's hours but no year's steps are proven impossible by either program at once, and by the planner in one round")
    func provenAtOnce() {
        for scheduling in [false, true] {
            guard case .infeasible = PlanModel(problem: Self.yearsTooSmall, scheduling: scheduling).solve(timeLimit: 60, start: nil) else {
                Issue.record("expected no solution (scheduling \(scheduling))")
                continue
            }
        }
        var phases = PlanPhases()
        guard case .infeasible = Planner(Self.yearsTooSmall, timeLimit: 60, searchSteps: 0).solve(phases: &phases) else {
            Issue.record("expected no plan")
            return
        }
        #expect(phases.selectionRounds == 1)
    }
}
