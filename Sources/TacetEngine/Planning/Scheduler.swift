import TacetDocuments

/// Decides exactly whether a set of courses fits the remaining cycle, and when each is taken.
///
/// With no capacity per quarter, taking every course at the earliest quarter after its
/// prerequisites and after some course that brings its entry level is optimal; so once each course
/// has a calendar year, that earliest placement decides whether the set fits. The yearly hour and
/// money budgets are met by searching the assignments of courses to years.
struct Scheduler {
    let problem: PlanningProblem
    /// The index range of `problem.quarters` in each calendar year, in order.
    let years: [ClosedRange<Int>]

    init(problem: PlanningProblem) {
        self.problem = problem
        var years: [ClosedRange<Int>] = []
        for (index, quarter) in problem.quarters.enumerated() {
            if let last = years.last, problem.quarters[last.lowerBound].year == quarter.year {
                years[years.count - 1] = last.lowerBound...index
            } else {
                years.append(index...index)
            }
        }
        self.years = years
    }

    /// The quarter index of each selected course (same order as `selection`), or nil when none fits.
    func schedule(_ selection: [Int]) -> [Int]? {
        guard !problem.quarters.isEmpty else { return selection.isEmpty ? [] : nil }
        let whole = 0...(problem.quarters.count - 1)
        if problem.hoursPerYear == nil && problem.moneyPerYear == nil {
            return place(selection, within: Array(repeating: whole, count: selection.count))
        }
        // Heaviest first, so budgets prune early.
        let order = selection.indices.sorted { problem.courses[selection[$0]].hours > problem.courses[selection[$1]].hours }
        var ranges = Array(repeating: whole, count: selection.count)
        var hours = Array(repeating: 0.0, count: years.count)
        var money = Array(repeating: 0.0, count: years.count)
        func assign(_ k: Int) -> [Int]? {
            if k == order.count { return place(selection, within: ranges) }
            let position = order[k]
            let course = problem.courses[selection[position]]
            for year in years.indices {
                if let limit = problem.hoursPerYear, hours[year] + course.hours > limit + 1e-9 { continue }
                if let limit = problem.moneyPerYear, money[year] + course.cost > limit + 1e-9 { continue }
                hours[year] += course.hours
                money[year] += course.cost
                ranges[position] = years[year]
                if let placed = assign(k + 1) { return placed }
                hours[year] -= course.hours
                money[year] -= course.cost
            }
            return nil
        }
        return assign(0)
    }

    /// Earliest quarters for `selection`, each within its range; nil when one cannot fit.
    func place(_ selection: [Int], within ranges: [ClosedRange<Int>]) -> [Int]? {
        let unplaced = Int.max
        var at = Array(repeating: unplaced, count: selection.count)
        let position = Dictionary(selection.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var changed = true
        // A monotone fixpoint: each pass can only move a course earlier, so it ends.
        while changed {
            changed = false
            for (k, index) in selection.enumerated() {
                let course = problem.courses[index]
                var earliest = ranges[k].lowerBound
                var ready = true
                for prerequisite in course.prerequisites where !problem.completed.contains(prerequisite) {
                    guard let p = problem.courses.firstIndex(where: { $0.id == prerequisite }).flatMap({ position[$0] }),
                          at[p] != unplaced else { ready = false; break }
                    earliest = max(earliest, at[p] + 1)
                }
                for outcome in course.outcomes where ready {
                    guard let entry = outcome.entry, problem.levels[outcome.area].map({ $0 < entry }) ?? true else { continue }
                    let providers = selection.indices.filter { p in
                        at[p] != unplaced && problem.courses[selection[p]].outcomes.contains { $0.area == outcome.area && $0.level >= entry }
                    }
                    guard let soonest = providers.map({ at[$0] + 1 }).min() else { ready = false; break }
                    earliest = max(earliest, soonest)
                }
                if ready && earliest < at[k] {
                    at[k] = earliest
                    changed = true
                }
            }
        }
        for k in selection.indices where at[k] == unplaced || at[k] > ranges[k].upperBound { return nil }
        return at
    }
}
