import TacetDocuments

/// Chooses the cheapest set of courses (then the one with fewest hours) that closes every gap and
/// meets the recertification rules, prerequisites, entry levels and yearly budgets, and schedules it.
///
/// Exact: a depth-first branch and bound over taking or leaving each course, pruned only by lower
/// bounds that never overestimate the cost still to come (the cheapest fractional cover of the
/// missing credits, of each category's missing minimum, and the cheapest course that could close
/// each open gap). Every set that meets the static constraints is scheduled exactly by
/// ``Scheduler``. Tests compare it with brute force on hundreds of random small problems.
public struct Planner: Sendable {
    /// The problem.
    public let problem: PlanningProblem
    /// The most search steps before the planner stops and reports what it has; the default keeps a
    /// plan to seconds even where the search is hard (large catalogs with long entry chains).
    public var maxSteps: Int

    /// Creates a planner.
    public init(_ problem: PlanningProblem, maxSteps: Int = 3_000_000) {
        self.problem = problem
        self.maxSteps = maxSteps
    }

    /// Solves the problem.
    public func solve() -> PlanResult {
        if !problem.trainingProblems.isEmpty { return .infeasible(problem.trainingProblems.map { "required training: " + $0 }) }
        let overBudget = Self.pinnedOverBudget(problem)
        if !overBudget.isEmpty { return .infeasible(overBudget) }
        var search = Search(problem: problem, maxSteps: maxSteps)
        search.run()
        guard let best = search.best else {
            return search.exhausted ? .undecided(steps: maxSteps) : .infeasible(Diagnosis(problem: problem).reasons())
        }
        var result = plan(best.selection, quarters: best.quarters)
        result.optimal = !search.exhausted
        return .plan(result)
    }

    /// Why the pinned training alone breaks a year's budget, one line per year and budget.
    static func pinnedOverBudget(_ problem: PlanningProblem) -> [String] {
        var reasons: [String] = []
        for (year, used) in problem.pinnedByYear.sorted(by: { $0.key < $1.key }) {
            if let limit = problem.hoursPerYear, used.hours > limit + 1e-9 {
                reasons.append("hours in \(year): the required training alone takes \(format(used.hours)) of the \(format(limit)) a year allows")
            }
            if let limit = problem.moneyPerYear, used.money > limit + 1e-9 {
                reasons.append("money in \(year): the required training alone costs \(format(used.money)) of the \(format(limit)) a year allows")
            }
        }
        return reasons
    }

    /// Whether `selection` meets everything but the schedule: prerequisites, credits, minimums, gaps.
    static func meetsStaticConstraints(_ problem: PlanningProblem, _ chosen: [Bool]) -> Bool {
        Compact(problem).meetsStaticConstraints(chosen)
    }

    /// The levels the chosen courses lead to, or nil when some chosen course's entry level is never reached.
    static func reachableLevels(_ problem: PlanningProblem, _ chosen: [Bool]) -> [String: CompetencyLevel]? {
        let (levels, stuck) = levels(problem, taking: problem.courses.indices.filter { chosen[$0] })
        return stuck ? nil : levels
    }

    /// The levels `courses` lead to, each taken once its entry levels are reached; `stuck` when some
    /// never can be.
    static func levels(_ problem: PlanningProblem, taking courses: [Int]) -> (levels: [String: CompetencyLevel], stuck: Bool) {
        var levels = problem.levels
        var pending = courses
        var progress = true
        while progress && !pending.isEmpty {
            progress = false
            pending.removeAll { index in
                let course = problem.courses[index]
                let ready = course.outcomes.allSatisfy { outcome in
                    outcome.entry.map { entry in levels[outcome.area].map { $0 >= entry } ?? false } ?? true
                }
                guard ready else { return false }
                for outcome in course.outcomes where levels[outcome.area].map({ $0 < outcome.level }) ?? true {
                    levels[outcome.area] = outcome.level
                }
                progress = true
                return true
            }
        }
        return (levels, !pending.isEmpty)
    }

    private func plan(_ selection: [Int], quarters: [Int]) -> PlannedCourses {
        var byCategory = problem.earned
        for index in selection { byCategory[problem.courses[index].category, default: 0] += problem.courses[index].credits }
        let dependents = Dictionary(grouping: selection.flatMap { index in
            problem.courses[index].prerequisites.map { ($0, problem.courses[index].id) }
        }, by: \.0).mapValues { $0.map(\.1) }
        var items: [PlannedCourses.Item] = []
        for (position, index) in selection.enumerated() {
            let course = problem.courses[index]
            var reasons: [String] = []
            for gap in problem.gaps {
                // Only a course that raises the area's level works toward its gap.
                guard let outcome = course.outcomes.first(where: { $0.area == gap.area }),
                      gap.current.map({ outcome.level > $0 }) ?? true else { continue }
                let closes = outcome.level >= gap.required
                reasons.append("\(closes ? "closes" : "works toward") the \(gap.area) gap: brings it to \(outcome.level.rawValue)"
                               + " (\(gap.reasons.joined(separator: "; ")))")
            }
            if problem.minimums[course.category] != nil {
                reasons.append("\(Self.format(course.credits)) \(course.category) credits toward the minimum of "
                               + "\(Self.format(problem.minimums[course.category] ?? 0))")
            }
            if let needers = dependents[course.id] { reasons.append("prerequisite of \(needers.joined(separator: ", "))") }
            reasons.append("\(Self.format(course.credits)) credits toward the cycle's \(Self.format(problem.total))")
            items.append(.init(course: course, quarter: problem.quarters[quarters[position]], reasons: reasons))
        }
        for pinned in problem.pinned {
            let needers = pinned.renewal ? nil : dependents[pinned.course.id]
            items.append(.init(course: pinned.course, quarter: problem.quarters[pinned.quarter],
                               reasons: pinned.reasons + (needers.map { ["prerequisite of \($0.joined(separator: ", "))"] } ?? [])))
        }
        items.sort { ($0.quarter, $0.course.id) < ($1.quarter, $1.course.id) }
        let all = selection.map { problem.courses[$0] } + problem.pinned.map(\.course)
        return PlannedCourses(items: items, cost: all.reduce(0) { $0 + $1.cost }, hours: all.reduce(0) { $0 + $1.hours },
                              credits: problem.counted(byCategory))
    }

    /// A number as people write it: no decimals when whole, else two.
    public static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}

/// The problem's courses as plain arrays, so the checks run millions of times copy nothing.
struct Compact {
    let problem: PlanningProblem
    let credits: [Double]
    let category: [String]
    /// Per course, the indexes of its prerequisites not yet completed (-1: in no catalog).
    let prerequisites: [[Int]]

    init(_ problem: PlanningProblem) {
        self.problem = problem
        credits = problem.courses.map(\.credits)
        category = problem.courses.map(\.category)
        let index = Dictionary(problem.courses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let pinned = problem.pinnedPrerequisites
        prerequisites = problem.courses.map { course in
            course.prerequisites.filter { !problem.completed.contains($0) && pinned[$0] == nil }.map { index[$0] ?? -1 }
        }
    }

    func meetsStaticConstraints(_ chosen: [Bool]) -> Bool {
        var byCategory = problem.earned
        for index in chosen.indices where chosen[index] {
            for p in prerequisites[index] where p < 0 || !chosen[p] { return false }
            byCategory[category[index], default: 0] += credits[index]
        }
        guard problem.counted(byCategory) + 1e-9 >= problem.total else { return false }
        for (category, minimum) in problem.minimums where (byCategory[category] ?? 0) + 1e-9 < minimum { return false }
        guard let levels = Planner.reachableLevels(problem, chosen) else { return false }
        return problem.gaps.allSatisfy { gap in levels[gap.area].map { $0 >= gap.required } ?? false }
    }
}

/// The branch and bound itself.
private struct Search {
    /// A (cost, hours) pair, compared cost first.
    struct Price: Comparable {
        var cost: Double
        var hours: Double
        static let zero = Price(cost: 0, hours: 0)
        static let impossible = Price(cost: .infinity, hours: .infinity)
        static func + (a: Price, b: Price) -> Price { Price(cost: a.cost + b.cost, hours: a.hours + b.hours) }
        static func < (a: Price, b: Price) -> Bool { a.cost < b.cost - 1e-9 || (abs(a.cost - b.cost) <= 1e-9 && a.hours < b.hours - 1e-9) }
    }

    let problem: PlanningProblem
    let compact: Compact
    let scheduler: Scheduler
    /// The most hours and money the whole remaining cycle's budgets allow.
    let hoursAvailable: Double
    let moneyAvailable: Double
    /// Course indexes, gap-closing courses first, then best credits per unit of cost.
    let order: [Int]
    /// For each position in `order`, the fewest hours per credit among the courses from there on.
    let fewestHoursPerCredit: [Double]
    /// For each position in `order` and each whole number of credits still missing, the least price
    /// the courses from that position on can cover it for, prerequisites and levels aside: an exact
    /// answer to a relaxation, so a lower bound that also tells tied branches apart.
    let credits: [[Price]]
    /// The same for each category minimum, counting only that category's courses.
    let minimums: [String: [[Price]]]
    /// For each course index, the courses that dominate it (see ``dominates(_:_:in:)``) and come
    /// before it in `order`: taking it without all of them can never be needed.
    let dominators: [[Int]]
    var chosen: [Bool]
    var best: (price: Price, selection: [Int], quarters: [Int])?
    let maxSteps: Int
    var steps = 0
    /// Whether the step budget ran out, leaving the best plan unproven (or none found).
    var exhausted = false

    init(problem: PlanningProblem, maxSteps: Int) {
        self.problem = problem
        self.maxSteps = maxSteps
        compact = Compact(problem)
        let scheduler = Scheduler(problem: problem)
        self.scheduler = scheduler
        let years = Double(scheduler.years.count)
        // What the pinned training takes is not available to the courses chosen.
        hoursAvailable = problem.hoursPerYear.map { $0 * years - scheduler.pinnedHours.reduce(0, +) } ?? .infinity
        moneyAvailable = problem.moneyPerYear.map { $0 * years - scheduler.pinnedMoney.reduce(0, +) } ?? .infinity
        // Courses that close a gap first, so a first plan (and with it pruning) comes early; then the
        // best credits per unit of cost.
        func closesGap(_ course: Course) -> Int {
            problem.gaps.contains { gap in course.outcomes.contains { $0.area == gap.area && $0.level >= gap.required } } ? 0 : 1
        }
        // A course no year has room for can never be scheduled: leaving it out of the search keeps the bounds tight.
        let hourRoom = problem.hoursPerYear.map { limit in scheduler.pinnedHours.map { limit - $0 }.max() ?? 0 } ?? .infinity
        let moneyRoom = problem.moneyPerYear.map { limit in scheduler.pinnedMoney.map { limit - $0 }.max() ?? 0 } ?? .infinity
        let order = problem.courses.indices.filter {
            problem.courses[$0].hours <= hourRoom + 1e-9 && problem.courses[$0].cost <= moneyRoom + 1e-9
        }.sorted { a, b in
            let (x, y) = (problem.courses[a], problem.courses[b])
            let rx = x.credits > 0 ? x.cost / x.credits : .infinity
            let ry = y.credits > 0 ? y.cost / y.credits : .infinity
            return (closesGap(x), rx, x.cost, a) < (closesGap(y), ry, y.cost, b)
        }
        self.order = order
        var fewestHoursPerCredit = Array(repeating: Double.infinity, count: order.count + 1)
        for position in stride(from: order.count - 1, through: 0, by: -1) {
            let course = problem.courses[order[position]]
            let rate = course.credits > 0 ? course.hours / course.credits : .infinity
            fewestHoursPerCredit[position] = min(fewestHoursPerCredit[position + 1], rate)
        }
        self.fewestHoursPerCredit = fewestHoursPerCredit
        credits = Self.table(problem, order, target: problem.total) { _ in true }
        var perCategory: [String: [[Price]]] = [:]
        for (category, minimum) in problem.minimums {
            perCategory[category] = Self.table(problem, order, target: minimum) { $0.category == category }
        }
        minimums = perCategory
        chosen = Array(repeating: false, count: problem.courses.count)
        dominators = Self.dominators(problem, order)
    }

    /// Whether `a` can replace `b` in any plan without making it worse or breaking it: same category,
    /// at least the credits, at most the cost and hours, every level `b` raises raised as far, no
    /// entry level or prerequisite `b` does not need too, and no course needs `b` as a prerequisite.
    /// Swapping `b` for `a` in `b`'s quarter then keeps every constraint, so some optimal plan takes
    /// `b` only together with every course that dominates it and comes earlier in the search order.
    static func dominates(_ a: Course, _ b: Course, in problem: PlanningProblem, prerequisites: Set<String>) -> Bool {
        guard a.category == b.category, a.credits + 1e-9 >= b.credits, a.cost <= b.cost + 1e-9, a.hours <= b.hours + 1e-9,
              !prerequisites.contains(b.id) else { return false }
        let levels = problem.levels
        for needed in a.prerequisites where !problem.completed.contains(needed) && !b.prerequisites.contains(needed) { return false }
        for outcome in b.outcomes where levels[outcome.area].map({ $0 < outcome.level }) ?? true {
            guard a.outcomes.contains(where: { $0.area == outcome.area && $0.level >= outcome.level }) else { return false }
        }
        for outcome in a.outcomes {
            guard let entry = outcome.entry, levels[outcome.area].map({ $0 < entry }) ?? true else { continue }
            guard b.outcomes.contains(where: { $0.area == outcome.area && ($0.entry.map { $0 >= entry } ?? false) }) else { return false }
        }
        return true
    }

    static func dominators(_ problem: PlanningProblem, _ order: [Int]) -> [[Int]] {
        let prerequisites = Set(problem.courses.flatMap(\.prerequisites))
        var dominators = Array(repeating: [Int](), count: problem.courses.count)
        for later in order.indices {
            let b = problem.courses[order[later]]
            for earlier in 0..<later where dominates(problem.courses[order[earlier]], b, in: problem, prerequisites: prerequisites) {
                dominators[order[later]].append(order[earlier])
            }
        }
        return dominators
    }

    /// table[position][c]: the least price covering c whole credits with counting courses from `position` on.
    static func table(_ problem: PlanningProblem, _ order: [Int], target: Double, _ counts: (Course) -> Bool) -> [[Price]] {
        let top = max(0, Int((target - 1e-9).rounded(.up)))
        var table = Array(repeating: Array(repeating: Price.impossible, count: top + 1), count: order.count + 1)
        table[order.count][0] = .zero
        for position in stride(from: order.count - 1, through: 0, by: -1) {
            let course = problem.courses[order[position]]
            // Credits rounded up: the relaxation may only make covering easier.
            let weight = counts(course) ? Int((course.credits - 1e-9).rounded(.up)) : 0
            let price = Price(cost: course.cost, hours: course.hours)
            for c in 0...top {
                let skip = table[position + 1][c]
                let take = weight > 0 || c == 0 ? table[position + 1][max(0, c - weight)] + price : Price.impossible
                table[position][c] = min(skip, take)
            }
        }
        return table
    }

    mutating func run() { visit(0, .zero) }

    private mutating func visit(_ position: Int, _ price: Price) {
        steps += 1
        if steps > maxSteps { exhausted = true }
        if exhausted { return }
        if let best, !(price < best.price) { return }
        // Adding courses only adds hours and cost: past the whole cycle's budget, nothing below can fit.
        if price.hours > hoursAvailable + 1e-9 || price.cost > moneyAvailable + 1e-9 { return }
        if compact.meetsStaticConstraints(chosen) {
            let selection = problem.courses.indices.filter { chosen[$0] }
            let quarters = scheduler.schedule(selection, steps: &steps, limit: maxSteps)
            if steps > maxSteps {
                exhausted = true
                return
            }
            if let quarters {
                best = (price, selection, quarters)
                return  // more courses cost at least as much and take at least as long
            }
        }
        guard position < order.count else { return }
        let state = NodeState(self)
        let bound = price + lowerBound(from: position, state)
        if bound.cost == .infinity || bound.cost > moneyAvailable + 1e-9 { return }  // some constraint is out of reach
        if hoursAvailable < .infinity && price.hours + hoursStillNeeded(from: position, state) > hoursAvailable + 1e-9 { return }
        if let best, !(bound < best.price) { return }
        let index = order[position]
        let course = problem.courses[index]
        if dominators[index].allSatisfy({ chosen[$0] }) {
            chosen[index] = true
            visit(position + 1, price + Price(cost: course.cost, hours: course.hours))
            chosen[index] = false
        }
        visit(position + 1, price)
    }

    /// What both bounds need from the chosen courses, computed once per node.
    struct NodeState {
        /// Credits by category, earned ones included.
        var byCategory: [String: Double]
        /// Credits still missing toward the total, counted with caps.
        var missing: Double
        /// The gaps no chosen course reaches the level of. A gap is surely open only then: a chosen
        /// course whose entry is not yet reached may still close it once a cheaper course brings that entry.
        var openGaps: [Gap]

        init(_ search: Search) {
            let problem = search.problem
            var byCategory = problem.earned
            var reached: [CourseOutcome] = []
            for index in search.chosen.indices where search.chosen[index] {
                byCategory[search.compact.category[index], default: 0] += search.compact.credits[index]
                reached += problem.courses[index].outcomes
            }
            self.byCategory = byCategory
            missing = problem.total - problem.counted(byCategory)
            openGaps = problem.gaps.filter { gap in !reached.contains { $0.area == gap.area && $0.level >= gap.required } }
        }
    }

    /// A price every completion from `position` on must add: never more than the truth.
    private func lowerBound(from position: Int, _ state: NodeState) -> Price {
        var bound = lookup(credits, position, state.missing)
        for (category, minimum) in problem.minimums {
            if let table = minimums[category] { bound = max(bound, lookup(table, position, minimum - (state.byCategory[category] ?? 0))) }
        }
        for gap in state.openGaps {
            let cheapest = order[position...].lazy.map { problem.courses[$0] }
                .filter { $0.outcomes.contains { $0.area == gap.area && $0.level >= gap.required } }.map(\.cost).min()
            bound = max(bound, Price(cost: cheapest ?? .infinity, hours: 0))
        }
        return bound
    }

    /// Hours every completion from `position` on must add: the most of each open gap's quickest
    /// course and the missing credits at the best hours-per-credit rate left.
    private func hoursStillNeeded(from position: Int, _ state: NodeState) -> Double {
        var needed = state.missing > 1e-9 ? state.missing * fewestHoursPerCredit[position] : 0
        for gap in state.openGaps {
            let quickest = order[position...].lazy.map { problem.courses[$0] }
                .filter { $0.outcomes.contains { $0.area == gap.area && $0.level >= gap.required } }.map(\.hours).min()
            needed = max(needed, quickest ?? .infinity)
        }
        return needed
    }

    private func lookup(_ table: [[Price]], _ position: Int, _ missing: Double) -> Price {
        guard missing > 1e-9 else { return .zero }
        let row = table[position]
        let needed = Int((missing - 1e-9).rounded(.up))
        return needed < row.count ? row[needed] : row[row.count - 1]
    }
}
