import TacetDocuments

/// Says why no plan exists: which constraint cannot be met, and by how much.
struct Diagnosis {
    let problem: PlanningProblem
    /// Seconds for planning the relaxed problem.
    let timeLimit: Double

    func reasons() -> [String] {
        var reasons: [String] = []
        var byCategory = problem.earned
        for course in problem.courses { byCategory[course.category, default: 0] += course.credits }
        let reachable = problem.counted(byCategory)
        if reachable + Planner.tolerance < problem.total {
            reasons.append("credits: the catalog offers at most \(f(reachable)) of the \(f(problem.total)) credits the cycle needs "
                           + "(earned ones included); \(f(problem.total - reachable)) short")
        }
        for (category, minimum) in problem.minimums.sorted(by: { $0.key < $1.key })
        where (byCategory[category] ?? 0) + Planner.tolerance < minimum {
            reasons.append("\(category) credits: at most \(f(byCategory[category] ?? 0)) of the \(f(minimum)) required; "
                           + "\(f(minimum - (byCategory[category] ?? 0))) short")
        }
        // Every course that can ever be taken, together: what the catalog can reach at best.
        let levels = Planner.levels(problem, taking: Array(problem.courses.indices)).levels
        for gap in problem.gaps where levels[gap.area].map({ $0 < gap.required }) ?? true {
            reasons.append("\(gap.area): no sequence of catalog courses brings it from \(gap.current?.rawValue ?? "no recorded level") "
                           + "to \(gap.required.rawValue); the catalog reaches \(levels[gap.area]?.rawValue ?? "no level")")
        }
        guard reasons.isEmpty else { return reasons }
        guard problem.hoursPerYear != nil || problem.moneyPerYear != nil else {
            return ["time: prerequisites and entry levels need more than the \(problem.quarters.count) quarters left in the cycle"]
        }
        // Everything but time and money could be met: find the cheapest plan without budgets or a deadline.
        var relaxed = problem
        relaxed.hoursPerYear = nil
        relaxed.moneyPerYear = nil
        switch Planner(relaxed, timeLimit: timeLimit).solve() {
        case .plan(let free):
            let years = Set(problem.quarters.map(\.year)).count
            if let limit = problem.hoursPerYear, free.hours > limit * Double(years) + Planner.tolerance {
                reasons.append("hours: the cheapest plan takes \(f(free.hours)) hours; \(years) years at \(f(limit)) a year allow "
                               + "\(f(limit * Double(years))); \(f(free.hours - limit * Double(years))) short")
            }
            if let limit = problem.moneyPerYear, free.cost > limit * Double(years) + Planner.tolerance {
                reasons.append("money: the cheapest plan costs \(f(free.cost)); \(years) years at \(f(limit)) a year allow "
                               + "\(f(limit * Double(years))); \(f(free.cost - limit * Double(years))) short")
            }
            if reasons.isEmpty {
                reasons.append("yearly budgets: the courses fit the budgets in total but cannot be spread over the "
                               + "\(problem.quarters.count) quarters left within each year's hours and money")
            }
        case .infeasible:
            reasons.append("time: prerequisites and entry levels need more than the \(problem.quarters.count) quarters left in the cycle")
        case .undecided:
            reasons.append("yearly budgets or time: no plan fits them, and finding which one fails took too long")
        }
        return reasons
    }

    private func f(_ value: Double) -> String { Amounts.format(value) }
}
