import Testing
@testable import TacetDocuments
@testable import TacetPlanning
import TacetPlanningTestSupport
import TacetTestSupport

@Suite("Planner's size classes")
struct SizeClassTests {
    /// Courses of a few sizes (so that many share one) over two to four years with yearly budgets.
    static func problem(seed: UInt64) -> PlanningProblem {
        var random = SplitMix64(state: seed)
        let sizes = (0..<random.int(1...4)).map { _ in (hours: Double(random.int(1...8) * 50) / 60, cost: Double(random.int(0...4) * 5)) }
        let courses = (0..<random.int(4...14)).map { index in
            let size = sizes[random.int(0...(sizes.count - 1))]
            let hours = Double(Int((size.hours * 100).rounded())) / 100
            return Course(id: "c\(index)", title: "C", provider: "P", credits: 3, category: "x", hours: hours,
                          cost: size.cost + (random.chance(30) ? 5 : 0), format: .online, outcomes: [], prerequisites: [],
                          renewalMonths: nil, illustrative: true, pointer: "")
        }
        let quarters = (0..<(random.int(2...4) * 4)).compactMap { Quarter(year: 2027 + $0 / 4, quarter: $0 % 4 + 1) }
        return PlanningProblem(courses: courses, levels: [:], gaps: [], credits: 3, earned: [:], total: 3, minimums: [], caps: [:],
                               completed: [], quarters: quarters, hoursPerYear: random.chance(85) ? Double(random.int(2...9)) : nil,
                               moneyPerYear: random.chance(50) ? Double(random.int(2...8) * 5) : nil)
    }

    @Test("swapping courses of an unpackable set for others of their size class never gives a set that packs, on 300 random problems")
    func swapsNeverPack() {
        var checked = 0
        for seed in UInt64(0)..<300 {
            var random = SplitMix64(state: seed ^ 0xC1A55)
            let problem = Self.problem(seed: seed)
            let scheduler = Scheduler(problem: problem)
            let planner = Planner(problem)
            // A random set of courses that no assignment to years holds.
            let set = problem.courses.indices.filter { _ in random.chance(70) }
            var steps = 0
            guard scheduler.packs(set, steps: &steps, limit: 100_000) == false else { continue }
            for sizeClass in planner.sizeClasses(set) {
                #expect(sizeClass.count > 1 && sizeClass.members.count > sizeClass.count)
                #expect(Set(sizeClass.rest).isDisjoint(with: sizeClass.members))
                // Every choice of `count` members, with the rest.
                let members = sizeClass.members
                for mask in 0..<(1 << members.count) where mask.nonzeroBitCount == sizeClass.count {
                    let swapped = sizeClass.rest + members.indices.filter { mask & (1 << $0) != 0 }.map { members[$0] }
                    steps = 0
                    #expect(scheduler.packs(swapped, steps: &steps, limit: 100_000) == false, "seed \(seed): \(swapped)")
                    checked += 1
                }
            }
        }
        #expect(checked > 200)
    }

    @Test("a size class's row excludes the rest with that many members, and keeps the rest with fewer and the members alone")
    func rowExcludesTheClass() {
        // Five courses of 5 credits, 15 needed: e costs 5, a to d cost 10. The cheapest, e with two of a-d, is what the row excludes.
        func course(_ id: String, cost: Double) -> Course {
            Course(id: id, title: id, provider: "P", credits: 5, category: "x", hours: 1, cost: cost, format: .online, outcomes: [],
                   prerequisites: [], renewalMonths: nil, illustrative: true, pointer: "")
        }
        let problem = PlanningProblem(courses: [course("a", cost: 10), course("b", cost: 10), course("c", cost: 10), course("d", cost: 10),
                                                course("e", cost: 5)],
                                      levels: [:], gaps: [], credits: 15, earned: [:], total: 15, minimums: [], caps: [:], completed: [],
                                      quarters: [Quarter("2027-Q4"), Quarter("2028-Q1")].compactMap { $0 }, hoursPerYear: nil, moneyPerYear: nil)
        // The program without quarters, where the planner adds these rows (with quarters, its dominance rows, valid for
        // plans but not for a row made up for the test, tie a-d to e).
        let scheduling = false
        var model = PlanModel(problem: problem, scheduling: scheduling)
        guard case .optimal(let free) = model.solve(timeLimit: 60, start: nil) else {
            Issue.record("expected a plan")
            return
        }
        #expect(free.selection.contains(4) && free.selection.count == 3)
        model.forbid(together: [4], andAtLeast: 2, of: [0, 1, 2, 3])
        guard case .optimal(let choice) = model.solve(timeLimit: 60, start: nil) else {
            Issue.record("expected a plan")
            return
        }
        #expect(!choice.selection.contains(4) && choice.selection.count == 3, "\(choice.selection)")
        // e with one of a-d is still allowed: with 10 credits needed it is the plan.
        var fewer = problem
        fewer.total = 10
        fewer.credits = 10
        var small = PlanModel(problem: fewer, scheduling: scheduling)
        small.forbid(together: [4], andAtLeast: 2, of: [0, 1, 2, 3])
        guard case .optimal(let two) = small.solve(timeLimit: 60, start: nil) else {
            Issue.record("expected a plan")
            return
        }
        #expect(two.selection.contains(4) && two.selection.count == 2)
    }
}
