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

    /// Creates a planner.
    public init(_ problem: PlanningProblem) { self.problem = problem }

    /// Solves the problem.
    public func solve() -> PlanResult {
        var search = Search(problem: problem)
        search.run()
        guard let best = search.best else { return .infeasible(Diagnosis(problem: problem).reasons()) }
        return .plan(plan(best.selection, quarters: best.quarters))
    }

    /// Whether `selection` meets everything but the schedule: prerequisites, credits, minimums, gaps.
    static func meetsStaticConstraints(_ problem: PlanningProblem, _ chosen: [Bool]) -> Bool {
        var byCategory = problem.earned
        for (index, course) in problem.courses.enumerated() where chosen[index] {
            for prerequisite in course.prerequisites where !problem.completed.contains(prerequisite) {
                guard let p = problem.courses.firstIndex(where: { $0.id == prerequisite }), chosen[p] else { return false }
            }
            byCategory[course.category, default: 0] += course.credits
        }
        guard problem.counted(byCategory) + 1e-9 >= problem.total else { return false }
        for (category, minimum) in problem.minimums where (byCategory[category] ?? 0) + 1e-9 < minimum { return false }
        guard let levels = reachableLevels(problem, chosen) else { return false }
        return problem.gaps.allSatisfy { gap in levels[gap.area].map { $0 >= gap.required } ?? false }
    }

    /// The levels the chosen courses lead to, or nil when some chosen course's entry level is never reached.
    static func reachableLevels(_ problem: PlanningProblem, _ chosen: [Bool]) -> [String: CompetencyLevel]? {
        var levels = problem.levels
        var pending = problem.courses.indices.filter { chosen[$0] }
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
        return pending.isEmpty ? levels : nil
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
                guard let outcome = course.outcomes.first(where: { $0.area == gap.area }) else { continue }
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
        items.sort { ($0.quarter, $0.course.id) < ($1.quarter, $1.course.id) }
        return PlannedCourses(items: items, cost: selection.reduce(0) { $0 + problem.courses[$1].cost },
                              hours: selection.reduce(0) { $0 + problem.courses[$1].hours }, credits: problem.counted(byCategory))
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}

/// The branch and bound itself.
private struct Search {
    let problem: PlanningProblem
    let scheduler: Scheduler
    /// Course indexes, best credits per unit of cost first.
    let order: [Int]
    var chosen: [Bool]
    var best: (cost: Double, hours: Double, selection: [Int], quarters: [Int])?

    init(problem: PlanningProblem) {
        self.problem = problem
        scheduler = Scheduler(problem: problem)
        order = problem.courses.indices.sorted { a, b in
            let (x, y) = (problem.courses[a], problem.courses[b])
            let rx = x.credits > 0 ? x.cost / x.credits : .infinity
            let ry = y.credits > 0 ? y.cost / y.credits : .infinity
            return (rx, x.cost, a) < (ry, y.cost, b)
        }
        chosen = Array(repeating: false, count: problem.courses.count)
    }

    mutating func run() { visit(0, cost: 0, hours: 0) }

    private mutating func visit(_ position: Int, cost: Double, hours: Double) {
        if let best, cost > best.cost + 1e-9 || (abs(cost - best.cost) <= 1e-9 && hours >= best.hours - 1e-9) { return }
        if Planner.meetsStaticConstraints(problem, chosen) {
            let selection = problem.courses.indices.filter { chosen[$0] }
            if let quarters = scheduler.schedule(selection) {
                best = (cost, hours, selection, quarters)
                return  // more courses cost at least as much and take at least as long
            }
        }
        guard position < order.count else { return }
        if let best {
            let bound = cost + lowerBound(from: position)
            if bound > best.cost + 1e-9 || (abs(bound - best.cost) <= 1e-9 && hours >= best.hours - 1e-9) { return }
        }
        let index = order[position]
        chosen[index] = true
        visit(position + 1, cost: cost + problem.courses[index].cost, hours: hours + problem.courses[index].hours)
        chosen[index] = false
        visit(position + 1, cost: cost, hours: hours)
    }

    /// A cost that every completion from `position` on must add: never more than the truth.
    private func lowerBound(from position: Int) -> Double {
        var byCategory = problem.earned
        for (index, course) in problem.courses.enumerated() where chosen[index] { byCategory[course.category, default: 0] += course.credits }
        var bound = cover(problem.total - problem.counted(byCategory), from: position) { _ in true }
        for (category, minimum) in problem.minimums {
            bound = max(bound, cover(minimum - (byCategory[category] ?? 0), from: position) { $0.category == category })
        }
        // A gap is surely open only when no chosen course reaches its level: a chosen course whose entry
        // is not yet reached may still close it once a cheaper course brings that entry level.
        let reached = problem.courses.indices.filter { chosen[$0] }.flatMap { problem.courses[$0].outcomes }
        for gap in problem.gaps where !reached.contains(where: { $0.area == gap.area && $0.level >= gap.required }) {
            let cheapest = order[position...].lazy.map { problem.courses[$0] }
                .filter { $0.outcomes.contains { $0.area == gap.area && $0.level >= gap.required } }.map(\.cost).min()
            bound = max(bound, cheapest ?? .infinity)
        }
        return bound
    }

    /// The cheapest fractional cover of `needed` credits by the remaining courses that `count`.
    private func cover(_ needed: Double, from position: Int, _ count: (Course) -> Bool) -> Double {
        guard needed > 1e-9 else { return 0 }
        var remaining = needed
        var cost = 0.0
        // `order` runs from the best credits per cost, so taking in order is the optimal fractional cover.
        for index in order[position...] {
            let course = problem.courses[index]
            guard count(course), course.credits > 0 else { continue }
            if course.credits >= remaining { return cost + course.cost * remaining / course.credits }
            remaining -= course.credits
            cost += course.cost
        }
        return .infinity
    }
}
