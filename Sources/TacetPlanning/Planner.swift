import TacetDocuments

/// Chooses the cheapest set of courses (then the one with fewest hours) that closes every gap and
/// meets the recertification rules, prerequisites, entry levels and yearly budgets, and schedules it.
///
/// Exact, in steps. Where ``searchSteps`` allows (none by default), first a depth-first branch and bound
/// over taking or leaving each course (``PlannerSearch``), pruned only by bounds that never exclude a plan;
/// its tables' bound is the solver's floor either way. Mixed-integer programs solved by COIN-OR Clp and CBC
/// settle the rest, within the time limit: first the program of
/// the courses alone, without quarters (``PlanModel/init(problem:scheduling:)``), a relaxation whose
/// optimum is the plan once ``Scheduler`` places it; a selection whose hours and money no assignment to
/// years holds is cut off (with every selection holding its unpackable core, or as many courses at least
/// as large: an extended cover; and, for a size the core holds several courses of, every swap of them for
/// courses of that size: ``sizeClasses(_:)``) and the program solved again, a few times; then, only if that has not settled it, the program with quarters
/// (``PlanModel``), with those cuts and the last optimum as its floor. Each program's stage is first
/// solved as a linear program by Clp, which settles it exactly when its optimum takes whole courses or it
/// has no solution (``MILP/relaxation(timeLimit:cutoff:)``); CBC's branch and cut only when it does not. Both
/// run on every core, a model of their own per solve. Tests compare them with brute force on hundreds of random
/// small problems, and each step alone too.
public struct Planner: Sendable {
    /// The problem.
    public let problem: PlanningProblem
    /// Seconds for one therapist's plan, search and solver together; past it the best plan found is
    /// returned, not proven optimal, with the solver's bound.
    ///
    /// Where no plan exists, saying why may take up to ``Diagnosis/leastTime`` past it.
    public var timeLimit: Double
    /// Steps of the first, quick search before the solver takes over (0: the solver alone, its linear
    /// relaxations first and the search's tables built only for the bound of what they leave).
    public var searchSteps: Int
    /// Whether the solver settles what the search leaves unproven; false only to measure the search
    /// alone (PlanBench), which then returns its best plan unproven, or none.
    public var usesSolver = true
    /// How many times the program without quarters is solved, each time with the last selection the
    /// scheduler could not place cut off, before the program with quarters takes over (0: that program
    /// at once; tests set it to test each program alone).
    var selectionRounds = Planner.defaultSelectionRounds
    /// Whether the programs' stages try their linear relaxation with Clp before CBC
    /// (``PlanModel/usesRelaxation``); false only to compare the two paths (tests, PlanBench).
    public var usesRelaxation = true
    /// Whether an infeasible problem is diagnosed (``Diagnosis``); false for the diagnosis's own
    /// relaxed problems, whose reasons it does not read.
    var diagnoses = true

    /// The time limit `tacet plan` uses unless told otherwise: far above what the benchmarks' hardest
    /// therapist takes, and still short enough to wait for.
    public static let defaultTimeLimit = 10.0

    /// The search's step budget before the solver takes over: none. The solver alone (its linear
    /// relaxations first, the search's tables only for the bound of what they leave) is faster: PlanBench
    /// release, 2,000 steps (one run) against none (two): `team 300 1000` 13.6 against 9.9-10.3 s on both cores,
    /// median 24 against 17 ms, every therapist settled both ways; `settle 500` median 7.2 against 3.2 ms,
    /// every instance settled both ways. Again once the search cost less per node (2026-12-02, quiet machine,
    /// `team 300 1000`): none 8.25 and 8.61 s, 100 steps 8.51 s, 2,000 steps 9.12 s, all settled each time.
    /// The steps once paid for themselves by shortening CBC's hardest solves while CBC ran one solve at a time
    /// process-wide (53 s against 73-79 s); with CBC on every core and the years' capacities and size classes
    /// settling those in a few rounds, they no longer do.
    public static let defaultSearchSteps = 0

    /// Steps the scheduler may take to place the selection program's optimum before the planner
    /// turns to the program with quarters (a placement search that long is rare; the program settles it).
    static let placementSteps = 100_000

    /// How many times the program without quarters is solved before the program with quarters takes
    /// over (``selectionRounds``). Each round is a small program (milliseconds for 300 courses); on
    /// PlanBench's problems whose first selection does not fit the yearly budgets, a few rounds settle.
    /// In practice the rounds' deadline (half the time limit) ends them, not this count: with 30 rounds
    /// PlanBench's seed 91 of the 300-course catalog went to the program with quarters, which did not
    /// settle it in 59 s; its 43rd round proves the plan optimal (1.7 s alone).
    static let defaultSelectionRounds = 1_000

    /// How far apart two amounts of hours, money or credits may be and still count as equal:
    /// ``Amounts/tolerance``, the one the plan audit uses too (the search's name for it).
    public static let tolerance = Amounts.tolerance

    /// Creates a planner.
    public init(_ problem: PlanningProblem, timeLimit: Double = Planner.defaultTimeLimit, searchSteps: Int = Planner.defaultSearchSteps) {
        self.problem = problem
        self.timeLimit = timeLimit
        self.searchSteps = searchSteps
    }

    /// Solves the problem.
    public func solve() -> PlanResult {
        var phases = PlanPhases()
        return solve(phases: &phases)
    }

    /// Solves the problem, saying in `phases` where the time went (PlanBench's phase timings).
    public func solve(phases: inout PlanPhases) -> PlanResult {
        if !problem.trainingProblems.isEmpty { return .infeasible(problem.trainingProblems.map { "required training: " + $0 }) }
        let overBudget = Self.pinnedOverBudget(problem)
        if !overBudget.isEmpty { return .infeasible(overBudget) }
        let clock = ContinuousClock()
        var mark = clock.now
        // The seconds since the last call, and the clock set for the next phase.
        func lap() -> Double {
            let now = clock.now
            defer { mark = now }
            return (now - mark).seconds
        }
        // A limit past any wait (`--time-limit inf`) is capped at 30 years: a Duration cannot hold infinity.
        let deadline = clock.now.advanced(by: .seconds(timeLimit > 0 ? min(timeLimit, 1e9) : 0))
        func left() -> Double { (deadline - clock.now).seconds }
        var selectionModel = PlanModel(problem: problem, scheduling: false)
        selectionModel.usesRelaxation = usesRelaxation
        // The plan of an optimum of the program without quarters, once the scheduler places it in quarters (then it
        // is the optimal plan); nil when it cannot, within its steps.
        func placed(_ selection: [Int]) -> PlannedCourses? {
            var steps = 0
            return selectionModel.scheduler.schedule(selection, steps: &steps, limit: Self.placementSteps).map { plan(selection, quarters: $0) }
        }
        // What a solve of the program without quarters settles alone: no plan, or its optimum once the scheduler places
        // it; nil when it leaves the problem open (stopped, or an optimum that does not place).
        func settled(_ outcome: PlanModel.Outcome) -> PlanResult? {
            switch outcome {
            case .infeasible:
                return .infeasible(diagnosis(left(), phases: &phases))
            case .optimal(let choice):
                guard let placed = placed(choice.selection) else { return nil }
                phases.selection += lap()
                return .plan(placed)
            case .stopped:
                return nil
            }
        }
        // Without steps (and with the solver) the search is not run: the program of the courses alone is tried with its
        // linear relaxations only (Clp, no CBC), which settle most problems in a millisecond or two; what they leave
        // gets the search's tables' bound as the solver's floor (credits come in steps, which the relaxation spreads
        // thin: without it the hardest problems of PlanBench's team took seconds longer and more went unsettled).
        var floor = PlanPrice.zero
        var known: PlanModel.Choice?
        if searchSteps == 0 && usesSolver {
            if usesRelaxation {
                var quick = selectionModel
                quick.usesCBC = false
                let outcome = quick.solve(timeLimit: left(), start: nil)
                phases.selectionRounds += 1
                phases.selection += lap()
                phases.settled = .selection
                if let result = settled(outcome) { return result }
            }
            floor = PlannerSearch(problem: problem, maxSteps: 0).rootBound
            phases.search = lap()
        } else {
            var search = PlannerSearch(problem: problem, maxSteps: searchSteps)
            search.deadline = deadline
            floor = search.rootBound
            search.run()
            phases.search = lap()
            phases.settled = .search
            if !search.exhausted {
                guard let best = search.best else { return .infeasible(diagnosis(left(), phases: &phases)) }
                return .plan(plan(best.selection, quarters: best.quarters))
            }
            guard usesSolver else {
                guard let best = search.best else { return .undecided(timeLimit: timeLimit) }
                var result = plan(best.selection, quarters: best.quarters)
                result.optimal = false
                return .plan(result)
            }
            known = search.best.map { PlanModel.Choice(selection: $0.selection, quarters: $0.quarters) }
        }
        // The courses alone first, without quarters (``PlanModel/init(problem:scheduling:)``), within half the time:
        // a small program whose optimum, once the scheduler places it, is the plan. A selection it cannot place is cut
        // off and the program solved again (``selectionRounds``); its last optimum is the floor of the program with
        // quarters, which gets the cuts too.
        var bound = floor
        var cores: [(core: [Int], larger: [Int])] = []
        let selectionEnd = clock.now.advanced(by: .seconds(max(0, left()) / 2))
        phases.settled = .selection
        rounds: for _ in 0..<selectionRounds {
            phases.selectionRounds += 1
            let outcome = selectionModel.solve(timeLimit: (selectionEnd - clock.now).seconds, start: known, floor: bound)
            phases.selection += lap()
            if let result = settled(outcome) { return result }
            switch outcome {
            case .infeasible:
                break  // settled above
            case .optimal(let choice):
                bound = max(bound, choice.selection.reduce(.zero) { $0 + PlanPrice(cost: problem.courses[$1].cost, hours: problem.courses[$1].hours) })
                if let (core, larger) = unpackableCore(choice.selection, scheduler: selectionModel.scheduler, deadline: selectionEnd) {
                    cores.append((core, larger))
                    selectionModel.forbid(together: core, orLarger: larger)
                    // Not for the program with quarters: its branch and cut slowed down with them (PlanBench seed 702).
                    for sizeClass in sizeClasses(core) {
                        selectionModel.forbid(together: sizeClass.rest, andAtLeast: sizeClass.count, of: sizeClass.members)
                    }
                } else {
                    // It fits the budgets but not the quarters (prerequisites and entry levels in a short cycle),
                    // or packing it was not settled within the steps:
                    // cutting off this one selection alone would take a round per equivalent one. The program
                    // with quarters settles these (PlanBench small seed 142: 8.2 s in rounds, 1.3 s there).
                    break rounds
                }
            case .stopped(_, let costBound, let hoursBound):
                bound = max(bound, PlanPrice(cost: costBound, hours: hoursBound ?? 0))
                break rounds
            }
        }
        phases.selection += lap()
        phases.settled = .scheduled
        var model = PlanModel(problem: problem)
        model.usesRelaxation = usesRelaxation
        for (core, larger) in cores { model.forbid(together: core, orLarger: larger) }
        let outcome = model.solve(timeLimit: left(), start: known, floor: bound)
        phases.scheduled = lap()
        switch outcome {
        case .optimal(let choice):
            return .plan(plan(choice.selection, quarters: choice.quarters))
        case .infeasible:
            return .infeasible(diagnosis(left(), phases: &phases))
        case .stopped(let best, let costBound, let hoursBound):
            guard let best else { return .undecided(timeLimit: timeLimit) }
            var result = plan(best.selection, quarters: best.quarters)
            result.optimal = false
            // Pinned training is in every plan: the bounds cover the chosen courses only.
            let pinned = problem.pinned.map(\.course)
            result.costBound = min(result.cost, costBound + pinned.reduce(0) { $0 + $1.cost })
            result.hoursBound = hoursBound.map { min(result.hours, $0 + pinned.reduce(0) { $0 + $1.hours }) }
            return .plan(result)
        }
    }

    /// A smallest-by-deletion part of `selection` whose hours and money no assignment to years fits
    /// (``Scheduler/packs(_:steps:limit:)``), or nil when the selection fits (it failed on order, not
    /// room) or that was not settled within the steps. Courses are dropped while the rest still cannot fit, the
    /// smallest first: a smaller part cuts off more of the selection program. Past `deadline` it stops
    /// dropping and returns the part it has: unpackable too, only larger (each check may take up to
    /// ``placementSteps``, and a selection has dozens of courses: a review saw seconds past the limit).
    private func unpackableCore(_ selection: [Int], scheduler: Scheduler, deadline: ContinuousClock.Instant) -> (core: [Int], larger: [Int])? {
        var steps = 0
        guard scheduler.packs(selection, steps: &steps, limit: Self.placementSteps) == false else { return nil }
        var core = selection
        for course in selection.sorted(by: { (problem.courses[$0].hours, problem.courses[$0].cost) < (problem.courses[$1].hours, problem.courses[$1].cost) }) {
            if ContinuousClock.now >= deadline { break }
            let rest = core.filter { $0 != course }
            steps = 0
            if scheduler.packs(rest, steps: &steps, limit: Self.placementSteps) == false { core = rest }
        }
        // As many courses, each at least as large in every budgeted amount as one of the core's, fit no better: so
        // the courses at least as large as the core's largest may stand in for any of its courses (an extended cover).
        let courses = problem.courses
        let most = core.reduce((hours: 0.0, cost: 0.0)) { (max($0.hours, courses[$1].hours), max($0.cost, courses[$1].cost)) }
        let inCore = Set(core)
        let larger = courses.indices.filter { j in
            !inCore.contains(j) && (problem.hoursPerYear == nil || courses[j].hours >= most.hours)
                && (problem.moneyPerYear == nil || courses[j].cost >= most.cost)
        }
        return (core, larger)
    }

    /// Courses of one size in an unpackable core, and the courses that may stand in for them: no plan holds the
    /// rest of the core (`rest`) with `count` of `members` (``PlanModel/forbid(together:andAtLeast:of:)``).
    struct SizeClass {
        var rest: [Int]
        var count: Int
        var members: [Int]
    }

    /// For each size of course in an unpackable `core` (its hours, and money where budgeted) that other courses
    /// share: the core's courses of that size, and every course outside the rest of the core of the same hours and
    /// no less money (the same money where only money is budgeted). Swapping courses of the core for such courses
    /// leaves a set as large in every budgeted amount, which no plan holds either; the cover of the core alone
    /// excludes one such set a round, and interchangeable filler courses make hundreds (PlanBench's 300-course
    /// seed 91: 44 rounds).
    func sizeClasses(_ core: [Int]) -> [SizeClass] {
        let courses = problem.courses
        let hours = problem.hoursPerYear != nil
        let money = problem.moneyPerYear != nil
        guard hours || money else { return [] }
        // Whether course j may stand in for course i: of the same size (within the tolerance above it) and never
        // smaller, compared exactly, so a swapped set is at least as large as the core even to the last millionth
        // (the scheduler packs within the tolerance). Courses of one size in the core are then exactly equal.
        func standsIn(_ j: Int, for i: Int) -> Bool {
            func sameOrLarger(_ a: Double, _ b: Double) -> Bool { a >= b && a <= b + Planner.tolerance }
            if hours { return sameOrLarger(courses[j].hours, courses[i].hours) && (!money || courses[j].cost >= courses[i].cost) }
            return sameOrLarger(courses[j].cost, courses[i].cost)
        }
        var result: [SizeClass] = []
        var seen = Set<Int>()
        for i in core where !seen.contains(i) {
            let same = core.filter { standsIn($0, for: i) && standsIn(i, for: $0) }
            seen.formUnion(same)
            let rest = core.filter { !same.contains($0) }
            let inRest = Set(rest)
            let members = courses.indices.filter { !inRest.contains($0) && standsIn($0, for: i) }
            // One course of a size swapped for another is the cover's round by round anyway, and its row, weak in the linear
            // relaxation, slowed the solves down (PlanBench seed 381): only sizes the core holds several of.
            if same.count > 1 && members.count > same.count { result.append(SizeClass(rest: rest, count: same.count, members: members)) }
        }
        return result
    }

    /// Why no plan exists, planning relaxed problems within what is left of this therapist's time, and at
    /// least ``Diagnosis/leastTime`` (the one way a solve runs past the time limit).
    private func diagnosis(_ left: Double, phases: inout PlanPhases) -> [String] {
        guard diagnoses else { return [] }
        let clock = ContinuousClock()
        let began = clock.now
        defer { phases.diagnosis = (clock.now - began).seconds }
        var diagnosis = Diagnosis(problem: problem, timeLimit: max(left, Diagnosis.leastTime))
        diagnosis.searchSteps = searchSteps
        diagnosis.selectionRounds = selectionRounds
        diagnosis.usesRelaxation = usesRelaxation
        return diagnosis.reasons()
    }

    /// Why the pinned training alone breaks a year's budget, one line per year and budget.
    static func pinnedOverBudget(_ problem: PlanningProblem) -> [String] {
        var reasons: [String] = []
        for (year, used) in problem.pinnedByYear.sorted(by: { $0.key < $1.key }) {
            if let limit = problem.hoursPerYear, Amounts.exceeds(used.hours, limit) {
                reasons.append("hours in \(year): the required training alone takes \(Amounts.format(used.hours)) of the \(Amounts.format(limit)) a year allows")
            }
            if let limit = problem.moneyPerYear, Amounts.exceeds(used.money, limit) {
                reasons.append("money in \(year): the required training alone costs \(Amounts.format(used.money)) of the \(Amounts.format(limit)) a year allows")
            }
        }
        return reasons
    }

    /// Whether `chosen` meets everything but the schedule: prerequisites, credits, minimums, gaps.
    ///
    /// The plain reading of the rules, one pass over the courses: the search keeps running totals
    /// instead (``PlannerSearch/meetsStaticConstraints()``), and the brute-force tests use this.
    static func meetsStaticConstraints(_ problem: PlanningProblem, _ chosen: [Bool]) -> Bool {
        var byCategory = problem.earned
        var byMinimum = problem.minimums.indices.map(problem.earnedToward)
        let available = problem.completed.union(problem.pinnedPrerequisites.keys)
        let ids = Set(problem.courses.indices.filter { chosen[$0] }.map { problem.courses[$0].id })
        for index in problem.courses.indices where chosen[index] {
            let course = problem.courses[index]
            for prerequisite in course.prerequisites where !available.contains(prerequisite) && !ids.contains(prerequisite) { return false }
            byCategory[course.category, default: 0] += course.credits
            for k in problem.minimums.indices where problem.counts(course, toward: k) { byMinimum[k] += course.credits }
        }
        guard Amounts.reaches(problem.counted(byCategory), problem.total) else { return false }
        for k in problem.minimums.indices where !Amounts.reaches(byMinimum[k], problem.minimums[k].credits) { return false }
        guard let levels = reachableLevels(problem, chosen) else { return false }
        return problem.gaps.allSatisfy { gap in levels[gap.area].map { $0 >= gap.required } ?? false }
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
            // A prerequisite met by level is not what the course waits for, even when the plan takes it for other reasons.
            problem.courses[index].prerequisites.filter { !problem.metByLevel.contains($0) }.map { ($0, problem.courses[index].id) }
        }, by: \.0).mapValues { $0.map(\.1) }
        let towardMinimums = minimumsServed(selection, quarters: quarters)
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
            for k in towardMinimums[position] {
                reasons.append("\(Amounts.format(course.credits)) \(problem.minimums[k].label) toward the minimum of "
                               + "\(Amounts.format(problem.minimums[k].credits))")
            }
            if let needers = dependents[course.id] { reasons.append("prerequisite of \(needers.joined(separator: ", "))") }
            for prerequisite in course.prerequisites.sorted() where problem.metByLevel.contains(prerequisite) {
                reasons.append("its prerequisite '\(prerequisite)' is met: the therapist already holds the levels it brings")
            }
            reasons.append("\(Amounts.format(course.credits)) credits toward the cycle's \(Amounts.format(problem.total))"
                           + (problem.assumedCredits.contains(course.id)
                              ? " (an assumed value in the Requirements: confirm it with the certifying body)" : ""))
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
                              credits: problem.counted(byCategory), belowLevel: problem.belowLevel.map(\.id))
    }

    /// For each chosen course, the minimums it works toward: those still unmet when it is taken, counting
    /// what the cycle has earned and the plan's courses (pinned training included) in the plan's order.
    /// A course taken once a minimum is met is not said to serve it.
    private func minimumsServed(_ selection: [Int], quarters: [Int]) -> [[Int]] {
        var served = Array(repeating: [Int](), count: selection.count)
        guard !problem.minimums.isEmpty else { return served }
        // What the completed entries earned: the problem's figure less the pinned training's, which the walk adds in its quarter.
        var have = problem.minimums.indices.map(problem.earnedToward)
        for item in problem.pinned where item.countsCredits {
            for k in problem.minimums.indices where problem.counts(item.course, toward: k) { have[k] -= item.course.credits }
        }
        // The plan's courses in its order; `position` is the course's place in `selection`, nil for pinned training.
        struct Taken { var quarter: Quarter; var course: Course; var position: Int?; var counts: Bool }
        let taken = selection.enumerated().map { Taken(quarter: problem.quarters[quarters[$0.offset]], course: problem.courses[$0.element],
                                                       position: $0.offset, counts: true) }
            + problem.pinned.map { Taken(quarter: problem.quarters[$0.quarter], course: $0.course, position: nil, counts: $0.countsCredits) }
        for item in taken.sorted(by: { ($0.quarter, $0.course.id) < ($1.quarter, $1.course.id) }) where item.counts {
            for k in problem.minimums.indices where problem.counts(item.course, toward: k) {
                if let position = item.position, !Amounts.reaches(have[k], problem.minimums[k].credits) { served[position].append(k) }
                have[k] += item.course.credits
            }
        }
        return served
    }

    /// An amount as people write it: ``Amounts/format(_:)``, the one formatting every amount goes through.
    public static func format(_ value: Double) -> String { Amounts.format(value) }
}
