import Foundation
import Testing
@testable import TacetDocuments
@testable import TacetPlanning
import TacetPlanningTestSupport
import TacetTestSupport

@Suite("Planner")
struct PlannerTests {
    static let areas = ["a", "b", "c"]

    /// A random small problem; `tight` ones always budget hours and money per year, over up to four
    /// years, so that spreading the courses over the years decides the plan.
    static func randomProblem(seed: UInt64, tight: Bool = false) -> PlanningProblem {
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
        for _ in 0..<random.int(1...(tight ? 14 : 8)) {
            quarters.append(quarter)
            quarter = quarter.next
        }
        // Copies of a course (the same or a little dearer) exercise the dominance pruning.
        if random.chance(40), let original = courses.last {
            var copy = original
            copy.id = "c\(courses.count)"
            copy.cost += Double(random.int(0...1) * 5)
            courses.append(copy)
        }
        // Required training taken in the first quarter, outside the choice; sometimes a prerequisite of a course.
        var pinned: [PinnedCourse] = []
        if random.chance(30) {
            let training = Course(id: "training", title: "T", provider: "P", credits: Double(random.int(0...6)), category: "x",
                                  hours: Double(random.int(1...4)), cost: Double(random.int(0...6) * 5), format: .online, outcomes: [],
                                  prerequisites: [], renewalMonths: 24, illustrative: true, pointer: "")
            pinned.append(PinnedCourse(course: training, quarter: 0, renewal: false, countsCredits: true, reasons: []))
            if random.chance(50) { courses[random.int(0...(courses.count - 1))].prerequisites.append("training") }
        }
        let total = Double(random.int(0...60))
        var problem = PlanningProblem(
            courses: courses, levels: current, gaps: gaps, credits: total, earned: random.chance(30) ? ["x": Double(random.int(0...20))] : [:],
            total: total, minimums: random.chance(50) ? [CategoryCredits(category: "ethics", credits: Double(random.int(1...5)))] : [],
            caps: random.chance(20) ? ["x": Double(random.int(10...40))] : [:], completed: [], quarters: quarters,
            hoursPerYear: tight || random.chance(50) ? Double(random.int(tight ? 10...20 : 5...30)) : nil,
            moneyPerYear: tight || random.chance(40) ? Double(random.int(tight ? 8...30 : 10...60) * 5) : nil)
        problem.pinned = pinned
        for item in pinned { problem.earned[item.course.category, default: 0] += item.course.credits }
        return problem
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
            let all = selection.map { problem.courses[$0] } + problem.pinned.map(\.course)
            let cost = all.reduce(0) { $0 + $1.cost }
            let hours = all.reduce(0) { $0 + $1.hours }
            let cheaper = { (best: (cost: Double, hours: Double)) in
                cost < best.cost - Planner.tolerance || (abs(cost - best.cost) <= Planner.tolerance && hours < best.hours - Planner.tolerance)
            }
            if best.map(cheaper) ?? true {
                best = (cost, hours)
            }
        }
        return best
    }

    /// What is wrong with `plan` as a schedule for `problem`, checked from the plan alone: quarters
    /// in the cycle, each year within its budgets, prerequisites and entry levels reached first.
    static func scheduleErrors(_ plan: PlannedCourses, _ problem: PlanningProblem) -> [String] {
        var errors: [String] = []
        var byYear: [Int: (hours: Double, money: Double)] = [:]
        for item in plan.items {
            if !problem.quarters.contains(item.quarter) { errors.append("\(item.course.id) in \(item.quarter), outside the cycle") }
            let used = byYear[item.quarter.year] ?? (0, 0)
            byYear[item.quarter.year] = (used.hours + item.course.hours, used.money + item.course.cost)
            let earlier = plan.items.filter { $0.quarter < item.quarter }
            for prerequisite in item.course.prerequisites where !earlier.contains(where: { $0.course.id == prerequisite }) {
                errors.append("\(item.course.id) in \(item.quarter) before its prerequisite \(prerequisite)")
            }
            for outcome in item.course.outcomes {
                guard let entry = outcome.entry, problem.levels[outcome.area].map({ $0 < entry }) ?? true else { continue }
                if !earlier.contains(where: { $0.course.outcomes.contains { $0.area == outcome.area && $0.level >= entry } }) {
                    errors.append("\(item.course.id) in \(item.quarter) before \(outcome.area) reaches \(entry.rawValue)")
                }
            }
        }
        for (year, used) in byYear {
            if let limit = problem.hoursPerYear, used.hours > limit + Planner.tolerance { errors.append("\(year): \(used.hours) hours of \(limit)") }
            if let limit = problem.moneyPerYear, used.money > limit + Planner.tolerance { errors.append("\(year): \(used.money) money of \(limit)") }
        }
        return errors
    }

    /// Solves `count` random problems and compares each with brute force; returns how many had a plan.
    /// With `searchSteps` 0 the search gives up at once and CBC solves every problem.
    /// With `selectionRounds` 0 the program without quarters is skipped too: the program with quarters solves it.
    /// With `usesRelaxation` false every stage goes to CBC, without its linear relaxation tried first.
    static func compareWithBruteForce(_ count: UInt64, tight: Bool, searchSteps: Int = Planner.defaultSearchSteps,
                                      selectionRounds: Int = Planner.defaultSelectionRounds, usesRelaxation: Bool = true) -> Int {
        var feasible = 0
        for seed in 0..<count {
            let problem = Self.randomProblem(seed: seed, tight: tight)
            let expected = Self.bruteForce(problem)
            var planner = Planner(problem, timeLimit: Planner.testTimeLimit, searchSteps: searchSteps)
            planner.selectionRounds = selectionRounds
            planner.usesRelaxation = usesRelaxation
            switch planner.solve() {
            case .plan(let plan):
                feasible += 1
                #expect(plan.optimal)
                #expect(expected != nil, "case \(seed): planner found a plan brute force did not")
                #expect(abs(plan.cost - (expected?.cost ?? -1)) < 1e-6, "case \(seed): cost \(plan.cost) vs \(String(describing: expected))")
                #expect(abs(plan.hours - (expected?.hours ?? -1)) < 1e-6, "case \(seed): hours \(plan.hours) vs \(String(describing: expected))")
                #expect(scheduleErrors(plan, problem).isEmpty, "case \(seed): \(scheduleErrors(plan, problem))")
            case .infeasible(let reasons):
                #expect(expected == nil, "case \(seed): brute force found \(String(describing: expected)); planner said \(reasons)")
                #expect(!reasons.isEmpty)
            case .undecided(let limit):
                Issue.record("case \(seed): a small problem ran out of its \(limit) s")
            }
        }
        return feasible
    }

    @Test("with the search first (2,000 steps, its plan CBC's cutoff), the plan is optimal: same cost and hours as brute force on 400 random small problems, and a valid schedule")
    func optimality() {
        let feasible = Self.compareWithBruteForce(400, tight: false, searchSteps: 2_000)
        // The generator must exercise both outcomes, or the comparison proves little.
        #expect(feasible > 100)
        #expect(feasible < 390)
    }

    @Test("with the search first, under tight yearly budgets over up to four years, still the brute-force optimum on 300 problems")
    func optimalityUnderTightBudgets() {
        let feasible = Self.compareWithBruteForce(300, tight: true, searchSteps: 2_000)
        #expect(feasible > 50)
        #expect(feasible < 290)
    }

    @Test("the solver alone (no search first, the default: the relaxations, then CBC) finds the brute-force optimum on the same 400 + 300 problems, or proves none")
    func solverAgreesWithBruteForce() {
        #expect(Self.compareWithBruteForce(400, tight: false, searchSteps: 0) > 100)
        #expect(Self.compareWithBruteForce(300, tight: true, searchSteps: 0) > 50)
    }

    @Test("every stage solved by CBC, no linear relaxation first, still the brute-force optimum, or proves none")
    func cbcWithoutRelaxationAgreesWithBruteForce() {
        #expect(Self.compareWithBruteForce(200, tight: false, searchSteps: 0, usesRelaxation: false) > 50)
        #expect(Self.compareWithBruteForce(150, tight: true, searchSteps: 0, usesRelaxation: false) > 25)
    }

    @Test("the program with quarters alone (no search, no program without quarters first) finds the same optimum, or proves none")
    func scheduledProgramAgreesWithBruteForce() {
        #expect(Self.compareWithBruteForce(400, tight: false, searchSteps: 0, selectionRounds: 0) > 100)
        #expect(Self.compareWithBruteForce(300, tight: true, searchSteps: 0, selectionRounds: 0) > 50)
    }

    /// Three 6-hour courses fit two years of 10 hours in total (18 of 20) but not one by one: the cheapest
    /// selection, all three, no plan can hold; the plan takes two of them and a dearer 3-hour course.
    static let packingProblem: PlanningProblem = {
        func course(_ id: String, cost: Double, hours: Double) -> Course {
            Course(id: id, title: id, provider: "P", credits: 10, category: "x", hours: hours, cost: cost, format: .online,
                   outcomes: [], prerequisites: [], renewalMonths: nil, illustrative: true, pointer: "")
        }
        return PlanningProblem(courses: [course("a", cost: 10, hours: 6), course("b", cost: 10, hours: 6), course("c", cost: 10, hours: 6),
                                         course("d", cost: 40, hours: 3)],
                               levels: [:], gaps: [], credits: 30, earned: [:], total: 30, minimums: [], caps: [:], completed: [],
                               quarters: [Quarter("2027-Q4"), Quarter("2028-Q1")].compactMap { $0 }, hoursPerYear: 10, moneyPerYear: nil)
    }()

    @Test("a selection whose hours fit the cycle's budget but no year by year is cut off: the plan is the next cheapest that fits")
    func selectionThatDoesNotPack() throws {
        let problem = Self.packingProblem
        let scheduler = Scheduler(problem: problem)
        var steps = 0
        #expect(scheduler.packs([0, 1, 2], steps: &steps, limit: 1000) == false)
        #expect(scheduler.packs([0, 1, 3], steps: &steps, limit: 1000) == true)
        // The search is skipped, so the program without quarters meets the selection that does not pack first.
        guard case .plan(let plan) = Planner(problem, searchSteps: 0).solve() else {
            Issue.record("no plan")
            return
        }
        #expect(plan.optimal)
        #expect(plan.cost == 60)
        #expect(plan.hours == 15)
        #expect(plan.items.map(\.course.id).contains("d"))
        #expect(Self.scheduleErrors(plan, problem).isEmpty)
        #expect(Self.bruteForce(problem).map { $0.cost == 60 && $0.hours == 15 } == true)
    }

    @Test("the program without quarters takes no more courses past half a year's room than there are years (a dual feasible function's row)")
    func onePastHalfAYear() throws {
        // Four 6-hour courses (10 credits, 10 each) are the cheapest 40 credits, and their 24 hours fit three years of 10
        // in total, but each is past half a year: the plan takes three of them and two 4-hour courses (5 credits, 20 each).
        func course(_ id: String, credits: Double, cost: Double, hours: Double) -> Course {
            Course(id: id, title: id, provider: "P", credits: credits, category: "x", hours: hours, cost: cost, format: .online,
                   outcomes: [], prerequisites: [], renewalMonths: nil, illustrative: true, pointer: "")
        }
        let problem = PlanningProblem(courses: ["a", "b", "c", "d"].map { course($0, credits: 10, cost: 10, hours: 6) }
                                          + ["e", "f", "g"].map { course($0, credits: 5, cost: 20, hours: 4) },
                                      levels: [:], gaps: [], credits: 40, earned: [:], total: 40, minimums: [], caps: [:], completed: [],
                                      quarters: ["2027-Q4", "2028-Q1", "2029-Q1"].compactMap { Quarter($0) }, hoursPerYear: 10, moneyPerYear: nil)
        guard case .optimal(let choice) = PlanModel(problem: problem, scheduling: false).solve(timeLimit: 60, start: nil) else {
            Issue.record("expected a selection")
            return
        }
        #expect(choice.selection.filter { $0 < 4 }.count == 3 && choice.selection.count == 5)
        var phases = PlanPhases()
        guard case .plan(let plan) = Planner(problem, searchSteps: 0).solve(phases: &phases) else {
            Issue.record("no plan")
            return
        }
        #expect(plan.optimal && plan.cost == 70 && phases.selectionRounds == 1)
        #expect(Self.scheduleErrors(plan, problem).isEmpty)
        #expect(Self.bruteForce(problem).map { $0.cost == 70 } == true)
    }
}

@Suite("Planner diagnosis and output")
struct PlannerOutputTests {
    static func course(_ id: String, credits: Double, cost: Double, hours: Double, category: String = "x",
                       outcomes: [CourseOutcome] = []) -> Course {
        Course(id: id, title: id, provider: "P", credits: credits, category: category, hours: hours, cost: cost, format: .online,
               outcomes: outcomes, prerequisites: [], renewalMonths: nil, illustrative: true, pointer: "")
    }

    static func problem(courses: [Course], gaps: [Gap] = [], total: Double = 10, minimums: [CategoryCredits] = [],
                        hours: Double? = nil) -> PlanningProblem {
        PlanningProblem(courses: courses, levels: ["a": .emerging], gaps: gaps, credits: total, earned: [:], total: total,
                        minimums: minimums, caps: [:], completed: [],
                        quarters: [Quarter("2027-Q1"), Quarter("2027-Q2"), Quarter("2028-Q1")].compactMap { $0 },
                        hoursPerYear: hours, moneyPerYear: nil)
    }

    @Test("infeasible plans name the constraint and by how much", arguments: [
        (problem(courses: [course("c", credits: 4, cost: 1, hours: 1)]), "credits: the catalog offers at most 4 of the 10 credits the cycle needs (earned ones included); 6 short"),
        (problem(courses: [course("c", credits: 10, cost: 1, hours: 1)], minimums: [CategoryCredits(category: "ethics", credits: 3)]),
         "ethics credits: at most 0 of the 3 required; 3 short"),
        (problem(courses: [course("c", credits: 10, cost: 1, hours: 1, outcomes: [CourseOutcome(area: "a", level: .developing)])],
                 gaps: [Gap(area: "a", current: .emerging, required: .proficient, reasons: [])]),
         "a: no sequence of catalog courses brings it from emerging to proficient; the catalog reaches developing"),
        (problem(courses: [course("c", credits: 10, cost: 1, hours: 30)], hours: 10),
         "hours: the cheapest plan takes 30 hours; 2 years at 10 a year allow 20; 10 short"),
        (problem(courses: [course("c", credits: 4, cost: 1, hours: 6), course("d", credits: 4, cost: 1, hours: 6),
                           course("e", credits: 4, cost: 1, hours: 6)], hours: 10),
         "yearly budgets: the courses fit the budgets in total but cannot be spread over the 3 quarters left within each year's hours and money"),
    ])
    func infeasible(problem: PlanningProblem, reason: String) {
        guard case .infeasible(let reasons) = Planner(problem).solve() else {
            Issue.record("expected no plan")
            return
        }
        #expect(reasons.contains(reason), "\(reasons)")
    }

    @Test("a course that needs an entry level comes after the course that brings it")
    func ordering() {
        let courses = [Self.course("second", credits: 5, cost: 1, hours: 1, outcomes: [CourseOutcome(area: "a", level: .proficient, entry: .developing)]),
                       Self.course("first", credits: 5, cost: 1, hours: 1, outcomes: [CourseOutcome(area: "a", level: .developing)])]
        let gaps = [Gap(area: "a", current: .emerging, required: .proficient, reasons: ["target"])]
        guard case .plan(let plan) = Planner(Self.problem(courses: courses, gaps: gaps)).solve() else {
            Issue.record("expected a plan")
            return
        }
        #expect(plan.items.map { $0.course.id } == ["first", "second"])
        #expect(plan.items[0].quarter < plan.items[1].quarter)
        #expect(plan.items[1].reasons.first?.hasPrefix("closes the a gap: brings it to proficient") == true)
    }
}

@Suite("Planner time limit")
struct PlannerBudgetTests {
    @Test("where the quick search runs out of steps, CBC settles the plan: optimal")
    func solverTakesOver() {
        // Feasible, but only with both courses: one search step cannot find it.
        let courses = [PlannerOutputTests.course("second", credits: 5, cost: 1, hours: 1,
                                                 outcomes: [CourseOutcome(area: "a", level: .proficient, entry: .developing)]),
                       PlannerOutputTests.course("first", credits: 5, cost: 1, hours: 1, outcomes: [CourseOutcome(area: "a", level: .developing)])]
        let problem = PlannerOutputTests.problem(courses: courses, gaps: [Gap(area: "a", current: .emerging, required: .proficient, reasons: [])])
        guard case .plan(let plan) = Planner(problem, timeLimit: Planner.testTimeLimit, searchSteps: 1).solve() else {
            Issue.record("expected a plan")
            return
        }
        #expect(plan.optimal)
        #expect(plan.items.map(\.course.id) == ["first", "second"])
        #expect(plan.items[0].quarter < plan.items[1].quarter)
    }

    @Test("where the search gives up and CBC proves no plan exists, the diagnosis still names the failing constraint and by how much")
    func solverProvesInfeasible() {
        // Three 6-hour courses, 12 credits needed, 10 hours a year: 18 hours in total fit 2 years' 20, but
        // one year holds only one course, and the cycle has two years.
        let courses = ["c", "d", "e"].map { PlannerOutputTests.course($0, credits: 4, cost: 1, hours: 6) }
        let problem = PlannerOutputTests.problem(courses: courses, total: 12, hours: 10)
        guard case .infeasible(let reasons) = Planner(problem, timeLimit: Planner.testTimeLimit, searchSteps: 1).solve() else {
            Issue.record("expected no plan")
            return
        }
        #expect(reasons == ["yearly budgets: the courses fit the budgets in total but cannot be spread over the 3 quarters left "
                            + "within each year's hours and money"])
    }

    @Test("CBC stopped by a short time limit never calls a program that has a plan infeasible")
    func shortLimitProvesNothingFalse() {
        // Therapist 7 of the 300-course benchmark catalog: a plan costs 880 (the CP-SAT reference's optimum), but
        // CBC 2.10, stopped by limits of 0.2-0.3 s in its preprocessing, reported the cost program finished and
        // infeasible, and the planner said no plan exists. Whatever the limit, a stopped solve proves nothing.
        let generator = PlanInstanceGenerator(.catalog(300))
        let problem = generator.problem(courses: generator.catalog(seed: 7), seed: 7)
        var unbudgeted = problem
        unbudgeted.hoursPerYear = nil
        unbudgeted.moneyPerYear = nil
        for model in [PlanModel(problem: problem), PlanModel(problem: unbudgeted)] {
            var program = model.milp
            for slot in model.slots { program.setObjective(slot.column, model.cents[slot.course]) }
            for limit in [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4] {
                let status = program.solve(timeLimit: limit)?.status
                #expect(status != .infeasible, "reported infeasible at a limit of \(limit) s")
            }
        }
    }

    @Test("a diagnosis left almost no time never calls the plan it found, unproven, the cheapest", arguments: [0.0, 0.001])
    func diagnosisWithoutTime(limit: Double) throws {
        // Seed 245 of the generator (above: the search finds a plan but cannot prove it, nor can CBC in a millisecond),
        // with yearly budgets no plan fits: the diagnosis plans it without budgets, in what the proof left it.
        var problem = PlanInstanceGenerator().problem(seed: 245)
        problem.hoursPerYear = 1
        problem.moneyPerYear = 1
        var relaxed = problem
        relaxed.hoursPerYear = nil
        relaxed.moneyPerYear = nil
        // The premise: in that time the relaxed problem gets a plan, and not a proven one. The planner as it was
        // before the program without quarters (a longer search, then the program with quarters), which proves
        // this plan in neither that time nor the diagnosis's least.
        var slow = Planner(relaxed, timeLimit: limit, searchSteps: 20_000)
        slow.selectionRounds = 0
        guard case .plan(let free) = slow.solve() else {
            Issue.record("expected a plan for the problem without budgets")
            return
        }
        #expect(!free.optimal)
        let bound = try #require(free.costBound)
        #expect(bound < free.cost - Planner.tolerance, "the cost itself was proven")
        var diagnosis = Diagnosis(problem: problem, timeLimit: limit)
        diagnosis.searchSteps = 20_000
        diagnosis.selectionRounds = 0
        let reasons = diagnosis.reasons()
        #expect(!reasons.isEmpty)
        #expect(reasons.allSatisfy { !$0.contains("cheapest") }, "\(reasons)")
        #expect(reasons.allSatisfy { !$0.contains("took too long") }, "\(reasons)")
        // Hours: the plan found is quoted as one plan, and the reason says the cheapest was not settled.
        let hours = try #require(reasons.first { $0.hasPrefix("hours: ") }, "\(reasons)")
        #expect(hours.contains(", found within the time limit, takes "), "\(hours)")
        #expect(hours.hasSuffix("; whether a cheaper plan fits was not settled within the time limit"), "\(hours)")
        // Money: either the solver's bound, which holds for every plan, or the plan found, again as one plan.
        let money = try #require(reasons.first { $0.hasPrefix("money: ") }, "\(reasons)")
        #expect(money.hasPrefix("money: every plan costs at least ") || money.hasPrefix("money: a plan found within the time limit costs "),
                "\(money)")
    }

    @Test("a diagnosis whose relaxed plan is proven, even with no time (the search settles it), quotes it as the cheapest")
    func diagnosisProven() {
        // One 30-hour course, 10 hours a year over two years: the search proves the plan at once.
        let problem = PlannerOutputTests.problem(courses: [PlannerOutputTests.course("c", credits: 10, cost: 1, hours: 30)], hours: 10)
        #expect(Diagnosis(problem: problem, timeLimit: 0).reasons()
                == ["hours: the cheapest plan takes 30 hours; 2 years at 10 a year allow 20; 10 short"])
    }

    @Test("past the time limit the best plan found comes back, not proven optimal, with the solver's bound on its cost")
    func timeLimit() throws {
        // Seed 245 of the generator: 21 courses over 16 quarters; the search finds a plan within 20,000 steps but
        // cannot prove it, and no solver proves it within a millisecond.
        let problem = PlanInstanceGenerator().problem(seed: 245)
        let result = Planner(problem, timeLimit: 0.001, searchSteps: 20_000).solve()
        guard case .plan(let plan) = result else {
            Issue.record("expected the plan the search found, unproven; got \(result)")
            return
        }
        #expect(!plan.optimal)
        let bound = try #require(plan.costBound)
        #expect(bound <= plan.cost + 1e-6)
        #expect(PlannerTests.scheduleErrors(plan, problem).isEmpty, "\(PlannerTests.scheduleErrors(plan, problem))")
    }
}
