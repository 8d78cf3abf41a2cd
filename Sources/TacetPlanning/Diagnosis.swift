import TacetDocuments

/// Says why no plan exists: which constraint cannot be met, and by how much.
struct Diagnosis {
    let problem: PlanningProblem
    /// Seconds for planning the relaxed problems: without budgets, and with the courses below level.
    let timeLimit: Double
    /// The search's steps for each relaxed problem (``Planner/searchSteps``): those of the planner diagnosing.
    var searchSteps = Planner.defaultSearchSteps
    /// The rounds of the program without quarters for each relaxed problem (``Planner/selectionRounds``): those
    /// of the planner diagnosing.
    var selectionRounds = Planner.defaultSelectionRounds
    /// Whether each relaxed problem's programs try their linear relaxation first (``Planner/usesRelaxation``).
    var usesRelaxation = true

    /// The least time (seconds) the planner gives a diagnosis, even past the therapist's time limit.
    ///
    /// No plan is proven to exist by then, and the relaxed problem (no yearly budgets) is mostly settled in
    /// milliseconds; but a proof of infeasibility can end just before the limit (CBC's
    /// "infeasible" is trusted only before 95% of its time), leaving the diagnosis too little to plan
    /// anything. So a diagnosis may run past `--time-limit` by this much at most.
    static let leastTime = 0.25

    func reasons() -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(min(timeLimit, 1e9)))
        func left() -> Double { max(0, (deadline - clock.now).seconds) }
        var reasons = Self.catalogReasons(problem)
        if reasons.isEmpty {
            // Half the time for the budgets when the courses below level are tried after them.
            reasons = budgetReasons(timeLimit: problem.belowLevel.isEmpty ? left() : left() / 2)
        }
        if let note = belowLevelNote(timeLimit: left()) { reasons.append(note) }
        return reasons
    }

    /// What no choice of the problem's courses can meet, whatever the time and money: the cycle's
    /// credits, its minimums, the levels the gaps require.
    static func catalogReasons(_ problem: PlanningProblem) -> [String] {
        func f(_ value: Double) -> String { Amounts.format(value) }
        var reasons: [String] = []
        var byCategory = problem.earned
        for course in problem.courses { byCategory[course.category, default: 0] += course.credits }
        let reachable = problem.counted(byCategory)
        if reachable + Planner.tolerance < problem.total {
            reasons.append("credits: the catalog offers at most \(f(reachable)) of the \(f(problem.total)) credits the cycle needs "
                           + "(earned ones included); \(f(problem.total - reachable)) short")
        }
        for (k, minimum) in problem.minimums.enumerated() {
            let most = problem.courses.filter { problem.counts($0, toward: k) }.reduce(problem.earnedToward(k)) { $0 + $1.credits }
            guard most + Planner.tolerance < minimum.credits else { continue }
            reasons.append("\(minimum.label): at most \(f(most)) of the \(f(minimum.credits)) required; \(f(minimum.credits - most)) short")
        }
        // Every course that can ever be taken, together: what the catalog can reach at best.
        let levels = Planner.levels(problem, taking: Array(problem.courses.indices)).levels
        for gap in problem.gaps where levels[gap.area].map({ $0 < gap.required }) ?? true {
            reasons.append("\(gap.area): no sequence of catalog courses brings it from \(gap.current?.rawValue ?? "no recorded level") "
                           + "to \(gap.required.rawValue); the catalog reaches \(levels[gap.area]?.rawValue ?? "no level")")
        }
        return reasons
    }

    /// When the courses left out as below the therapist's level would make a plan: says so, with the
    /// plan's cost, found within `timeLimit` seconds; nil when they would not, or that was not settled.
    private func belowLevelNote(timeLimit: Double) -> String? {
        guard !problem.belowLevel.isEmpty, timeLimit > 0 else { return nil }
        var allowing = problem
        allowing.courses += problem.belowLevel
        allowing.belowLevel = []
        // Their credits and prerequisites cannot meet what the catalog alone cannot: no need to plan.
        guard Self.catalogReasons(allowing).isEmpty else { return nil }
        var planner = Planner(allowing, timeLimit: timeLimit, searchSteps: searchSteps)
        planner.selectionRounds = selectionRounds
        planner.usesRelaxation = usesRelaxation
        planner.diagnoses = false
        guard case .plan(let plan) = planner.solve() else { return nil }
        let below = Set(problem.belowLevel.map(\.id))
        let used = plan.items.map(\.course.id).filter { below.contains($0) }
        guard !used.isEmpty else { return nil }  // a plan without them is one the problem itself had: not theirs to claim
        let count = problem.belowLevel.count == 1 ? "1 course" : "\(problem.belowLevel.count) courses"
        return "courses below the therapist's level: the planner leaves out \(count) whose every outcome "
            + "the therapist already holds; with \(used.map { "'\($0)'" }.joined(separator: ", ")) a plan exists "
            + "(\(f(plan.cost)) in cost, \(f(plan.hours)) hours): --allow-below-level plans them"
    }

    /// Why no plan fits the yearly budgets and the quarters left, once the catalog can meet everything
    /// else, planning the problem without budgets within `timeLimit` seconds.
    private func budgetReasons(timeLimit: Double) -> [String] {
        guard problem.hoursPerYear != nil || problem.moneyPerYear != nil else {
            return ["time: prerequisites and entry levels need more than the \(problem.quarters.count) quarters left in the cycle"]
        }
        var reasons: [String] = []
        // Everything but time and money could be met: find the cheapest plan without budgets or a deadline.
        var relaxed = problem
        relaxed.hoursPerYear = nil
        relaxed.moneyPerYear = nil
        var planner = Planner(relaxed, timeLimit: max(timeLimit, Diagnosis.leastTime), searchSteps: searchSteps)
        planner.selectionRounds = selectionRounds
        planner.usesRelaxation = usesRelaxation
        planner.diagnoses = false
        switch planner.solve() {
        case .plan(let free):
            let years = Set(problem.quarters.map(\.year)).count
            // A plan the time limit stopped short of proving is one plan, not the cheapest: its cost and hours
            // say what it takes, not what every plan takes; only the solver's bound speaks for all of them.
            let unproven = "whether a cheaper plan fits was not settled within the time limit"
            // Stopped with the cost proven (the bound reaches it), only the hours at that cost unproven.
            let cheapest = free.optimal || free.costBound.map { $0 + Planner.tolerance >= free.cost } ?? false
            if let limit = problem.hoursPerYear, free.hours > limit * Double(years) + Planner.tolerance {
                let allowed = limit * Double(years)
                reasons.append(free.optimal
                    ? "hours: the cheapest plan takes \(f(free.hours)) hours; \(years) years at \(f(limit)) a year allow "
                        + "\(f(allowed)); \(f(free.hours - allowed)) short"
                    : "hours: a plan costing \(f(free.cost)), found within the time limit, takes \(f(free.hours)) hours; "
                        + "\(years) years at \(f(limit)) a year allow \(f(allowed)); "
                        + (cheapest ? "whether a plan of that cost takes fewer hours was not settled within the time limit" : unproven))
            }
            if let limit = problem.moneyPerYear, free.cost > limit * Double(years) + Planner.tolerance {
                let allowed = limit * Double(years)
                if cheapest {
                    reasons.append("money: the cheapest plan costs \(f(free.cost)); \(years) years at \(f(limit)) a year allow "
                                   + "\(f(allowed)); \(f(free.cost - allowed)) short")
                } else if let bound = free.costBound, bound > allowed + Planner.tolerance {
                    reasons.append("money: every plan costs at least \(f(bound)); \(years) years at \(f(limit)) a year allow "
                                   + "\(f(allowed)); \(f(bound - allowed)) short")
                } else {
                    reasons.append("money: a plan found within the time limit costs \(f(free.cost)); \(years) years at \(f(limit)) "
                                   + "a year allow \(f(allowed)); \(unproven)")
                }
            }
            if reasons.isEmpty {
                reasons.append("yearly budgets: \(free.optimal ? "the courses fit" : "a plan found within the time limit fits") "
                               + "the budgets in total but cannot be spread over the "
                               + "\(problem.quarters.count) quarters left within each year's hours and money")
            }
        case .infeasible:
            reasons.append("time: prerequisites and entry levels need more than the \(problem.quarters.count) quarters left in the cycle")
        case .undecided:
            // Nothing was found or ruled out for the problem without budgets within the time the diagnosis had.
            reasons.append("yearly budgets or time: no plan fits them, and which one fails was not settled within the time limit")
        }
        return reasons
    }

    private func f(_ value: Double) -> String { Amounts.format(value) }
}
