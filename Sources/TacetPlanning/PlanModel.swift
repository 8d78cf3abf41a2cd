import TacetDocuments

/// The plan as a mixed-integer linear program, solved exactly by COIN-OR CBC (``MILP``).
///
/// Variables: one binary per course and quarter it may start in ("slot"). A course tied to no other
/// (no prerequisite, entry level or pinned prerequisite, and needed by none) may go anywhere in its
/// calendar year, so it has one slot per year (one for the whole cycle when nothing is budgeted by
/// year) instead of one per quarter. Constraints, the same rules the search keeps:
/// - each course at most once;
/// - a prerequisite, or a course bringing an entry level the therapist lacks, finished in an earlier
///   quarter (through `done` variables: whether some course of a group was taken before quarter q);
///   a prerequisite pinned as required training, in a quarter after it; one in no catalog, never;
/// - every gap closed by some course that reaches the required level;
/// - the cycle's credits counted with category caps, and each category minimum;
/// - each calendar year's hours and money within its budget, less the pinned training's.
///
/// The objective is exact and lexicographic: the least cost first (money in whole cents), then, with
/// the cost held at that optimum, the fewest hours. Pinned training is outside the choice and costs
/// the same in every plan, so it is left out of both.
struct PlanModel {
    /// Where a course may be placed: the quarters one of its columns stands for.
    struct Slot {
        var quarters: ClosedRange<Int>
        var column: Int
    }

    /// A binary column: whether a course is taken within a range of quarters (its calendar year under
    /// yearly budgets, else the whole cycle). The only columns CBC branches on.
    struct Pick {
        var course: Int
        var quarters: ClosedRange<Int>
        var column: Int
    }

    /// A selection of courses (indexes into the problem's courses) and the quarter index of each.
    struct Choice {
        var selection: [Int]
        var quarters: [Int]
    }

    /// How solving ended.
    enum Outcome {
        /// The cheapest plan, then the one with fewest hours: proven.
        case optimal(Choice)
        /// No plan meets the constraints: proven.
        case infeasible
        /// The time limit came first. `best` is the best plan found (or nil); `costBound` is the least the
        /// chosen courses can cost; `hoursBound`, set when the cost is proven least, the fewest hours at it.
        case stopped(best: Choice?, costBound: Double, hoursBound: Double?)
    }

    let problem: PlanningProblem
    /// The program without an objective.
    private(set) var milp = MILP()
    /// Per course index, its slots (none: it can never be taken).
    private(set) var slots: [[Slot]] = []
    /// The binary columns. A course tied to no other has one slot per pick, the pick's own column; a
    /// linked course's slots are single quarters, continuous, summing to its pick in that range: so
    /// CBC branches on which courses and years, never on which of equivalent quarters, and the exact
    /// order within a year is checked afterwards (``Scheduler/place(_:within:links:)``).
    private(set) var picks: [Pick] = []
    let scheduler: Scheduler
    /// Each course's cost in cents, and whether every one is a whole number of cents (then the
    /// least cost is an integer and holding the cost at it is exact).
    let cents: [Double]
    let wholeCents: Bool

    init(problem: PlanningProblem) {
        self.problem = problem
        let courses = problem.courses
        cents = courses.map { ($0.cost * 100).rounded() }
        wholeCents = zip(courses, cents).allSatisfy { abs($0.cost * 100 - $1) < 1e-6 }
        let scheduler = Scheduler(problem: problem)
        self.scheduler = scheduler
        let quarterCount = problem.quarters.count
        let index = Dictionary(courses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let pinned = problem.pinnedPrerequisites

        // What each course waits for: groups of courses one of which must be finished first.
        var groups: [[Int]] = []
        var groupIndex: [[Int]: Int] = [:]
        var waits = Array(repeating: [Int](), count: courses.count)
        var notBefore = Array(repeating: 0, count: courses.count)
        var never = Array(repeating: false, count: courses.count)
        func group(_ members: [Int]) -> Int {
            if let known = groupIndex[members] { return known }
            groups.append(members)
            groupIndex[members] = groups.count - 1
            return groups.count - 1
        }
        for (i, course) in courses.enumerated() {
            for prerequisite in course.prerequisites where !problem.completed.contains(prerequisite) {
                if let first = pinned[prerequisite] {
                    notBefore[i] = max(notBefore[i], first)
                } else if let p = index[prerequisite], p != i {
                    waits[i].append(group([p]))
                } else {
                    never[i] = true
                }
            }
            for outcome in course.outcomes {
                guard let entry = outcome.entry, problem.levels[outcome.area].map({ $0 < entry }) ?? true else { continue }
                let providers = courses.indices.filter { j in
                    j != i && courses[j].outcomes.contains { $0.area == outcome.area && $0.level >= entry }
                }
                if providers.isEmpty { never[i] = true } else { waits[i].append(group(providers)) }
            }
        }
        var linked = Array(repeating: false, count: courses.count)
        for i in courses.indices where !waits[i].isEmpty || notBefore[i] > 0 { linked[i] = true }
        for members in groups { for j in members { linked[j] = true } }

        let budgeted = problem.hoursPerYear != nil || problem.moneyPerYear != nil
        for i in courses.indices {
            guard !never[i], notBefore[i] < quarterCount else {
                slots.append([])
                continue
            }
            let spans = budgeted ? scheduler.years.filter { $0.upperBound >= notBefore[i] } : [0...(quarterCount - 1)]
            var own: [Slot] = []
            for span in spans {
                let pick = milp.addColumn()
                picks.append(Pick(course: i, quarters: span, column: pick))
                guard linked[i] else {
                    own.append(Slot(quarters: span, column: pick))
                    continue
                }
                let quarters = (max(span.lowerBound, notBefore[i])...span.upperBound).map { q in
                    Slot(quarters: q...q, column: milp.addColumn(integer: false))
                }
                milp.addRow([(pick, -1)] + quarters.map { ($0.column, 1) }, lower: 0, upper: 0)
                own += quarters
            }
            slots.append(own)
        }

        // Each course at most once.
        for i in courses.indices {
            let own = picks.filter { $0.course == i }
            if own.count > 1 { milp.addRow(own.map { ($0.column, 1) }, upper: 1) }
        }
        // done[g][q]: some course of group g finished before quarter q (0 at the first quarter).
        var done = Array(repeating: [Int?](), count: groups.count)
        for (g, members) in groups.enumerated() {
            var previous: Int?
            done[g] = [nil]
            for q in 1..<max(quarterCount, 1) {
                let column = milp.addColumn(integer: false)
                var terms: [(column: Int, coefficient: Double)] = [(column, 1)]
                if let previous { terms.append((previous, -1)) }
                for j in members { for slot in slots[j] where slot.quarters == (q - 1)...(q - 1) { terms.append((slot.column, -1)) } }
                milp.addRow(terms, upper: 0)
                done[g].append(column)
                previous = column
            }
        }
        for i in courses.indices {
            for g in waits[i] {
                for slot in slots[i] {
                    let q = slot.quarters.lowerBound  // invariant: a course that waits is linked, so its slots are single quarters
                    if let ready = done[g][q] {
                        milp.addRow([(slot.column, 1), (ready, -1)], upper: 0)
                    } else {
                        milp.addRow([(slot.column, 1)], upper: 0)
                    }
                }
            }
        }
        // Every gap closed.
        for gap in problem.gaps {
            let terms = courses.indices.filter { i in courses[i].outcomes.contains { $0.area == gap.area && $0.level >= gap.required } }
                .flatMap { slots[$0].map { ($0.column, 1.0) } }
            milp.addRow(terms, lower: 1)
        }
        // Credits: each category counted up to its cap, toward the total; each minimum met.
        let categories = Set(courses.map(\.category)).union(problem.earned.keys).union(problem.minimums.keys).sorted()
        var counted: [(column: Int, coefficient: Double)] = []
        for category in categories {
            let earned = problem.earned[category] ?? 0
            let terms: [(column: Int, coefficient: Double)] = courses.indices.filter { courses[$0].category == category }
                .flatMap { i in slots[i].map { ($0.column, courses[i].credits) } }
            let cap = problem.caps[category] ?? .infinity
            let column = milp.addColumn(lower: 0, upper: max(0, cap), integer: false)
            milp.addRow([(column, 1)] + terms.map { ($0.column, -$0.coefficient) }, upper: earned)
            counted.append((column, 1))
            if let minimum = problem.minimums[category], minimum - earned > Planner.tolerance {
                milp.addRow(terms, lower: minimum - earned - Planner.tolerance)
            }
        }
        if problem.total > Planner.tolerance { milp.addRow(counted, lower: problem.total - Planner.tolerance) }
        // Each year's hours and money, after the pinned training's.
        if budgeted {
            for (y, years) in scheduler.years.enumerated() {
                let room = scheduler.rooms[y]
                let inYear = courses.indices.flatMap { i in slots[i].filter { years.contains($0.quarters.lowerBound) }.map { (i, $0.column) } }
                if room.hours.isFinite { milp.addRow(inYear.map { ($0.1, courses[$0.0].hours) }, upper: room.hours + Planner.tolerance) }
                if room.money.isFinite { milp.addRow(inYear.map { ($0.1, courses[$0.0].cost) }, upper: room.money + Planner.tolerance) }
            }
        }
    }

    /// How one stage ended: its best solution placed in quarters (nil: none, or none that fits the
    /// quarters), and CBC's solution.
    private enum Stage {
        case optimal(Choice, MILPSolution)
        case infeasible
        case stopped(Choice?, MILPSolution?)
    }

    /// Solves within `timeLimit` seconds; `start`, a plan known already, is what a solve stopped
    /// before finding a cheaper one returns.
    func solve(timeLimit: Double, start: Choice?) -> Outcome {
        let clock = ContinuousClock()
        let began = clock.now
        func left() -> Double {
            let elapsed = clock.now - began
            return timeLimit - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        var costProgram = milp
        for pick in picks { costProgram.setObjective(pick.column, cents[pick.course]) }
        let cheapest: Choice
        let least: Double
        switch stage(costProgram, left) {
        case .infeasible:
            return .infeasible
        case .stopped(let found, let solution):
            let best = found.map { cheaper($0, start) } ?? start
            // In whole cents no plan costs a fraction of a cent less than the next whole cent.
            let bound = solution.map { wholeCents ? ($0.bound - 1e-6).rounded(.up) : $0.bound } ?? 0
            return .stopped(best: best, costBound: max(0, bound / 100), hoursBound: nil)
        case .optimal(let found, let solution):
            cheapest = found
            least = solution.objective
        }
        // The cost held at its optimum: exactly, when every cost is whole cents.
        var hoursProgram = milp
        hoursProgram.addRow(picks.map { ($0.column, cents[$0.course]) }, upper: wholeCents ? least.rounded() + 0.5 : least + 1e-6)
        for pick in picks { hoursProgram.setObjective(pick.column, problem.courses[pick.course].hours) }
        switch stage(hoursProgram, left) {
        case .optimal(let found, _):
            return .optimal(found)
        case .infeasible:
            // invariant: the cheapest plan is feasible here; were CBC to disagree, that plan stands, unproven.
            return .stopped(best: cheapest, costBound: least / 100, hoursBound: 0)
        case .stopped(let found, let solution):
            return .stopped(best: found ?? cheapest, costBound: least / 100, hoursBound: max(0, solution?.bound ?? 0))
        }
    }

    /// Solves `program`, and places each solution CBC finds in quarters; one that cannot be placed
    /// (its quarters, continuous, satisfied the order only fractionally) is cut off exactly, and the
    /// program solved again.
    private func stage(_ program: MILP, _ left: () -> Double) -> Stage {
        var program = program
        while true {
            guard let solution = program.solve(timeLimit: left()) else { return .stopped(nil, nil) }
            switch solution.status {
            case .infeasible:
                return .infeasible
            case .stopped:
                return .stopped(solution.values.isEmpty ? nil : place(solution.values), solution)
            case .optimal:
                if let choice = place(solution.values) { return .optimal(choice, solution) }
                if left() <= 0 { return .stopped(nil, solution) }
                // Exactly this choice of courses and years excluded: any other may still be placed.
                let chosen = picks.map { solution.values[$0.column] > 0.5 }
                program.addRow(picks.indices.map { (picks[$0].column, chosen[$0] ? -1 : 1) },
                               lower: 1 - Double(chosen.filter { $0 }.count))
            }
        }
    }

    /// The courses a solution takes, each placed as early as its prerequisites and entry levels
    /// allow within the year (or cycle) of its pick; nil when they cannot all be placed so.
    func place(_ values: [Double]) -> Choice? {
        let chosen = picks.filter { values[$0.column] > 0.5 }.sorted { $0.course < $1.course }
        let selection = chosen.map(\.course)
        guard let quarters = scheduler.place(selection, within: chosen.map(\.quarters)) else { return nil }
        return Choice(selection: selection, quarters: quarters)
    }

    /// The cheaper of two plans, then the one with fewer hours; `found` on a tie.
    func cheaper(_ found: Choice, _ known: Choice?) -> Choice {
        guard let known else { return found }
        func price(_ choice: Choice) -> PlanPrice {
            choice.selection.reduce(.zero) { $0 + PlanPrice(cost: problem.courses[$1].cost, hours: problem.courses[$1].hours) }
        }
        return price(known) < price(found) ? known : found
    }
}
