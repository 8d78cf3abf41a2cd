import TacetDocuments

/// The planner's branch and bound over taking or leaving each course, in a fixed search order.
///
/// Pruned only by bounds that never exclude a plan: ``CoverTable``s over the missing credits,
/// category minimums and open gaps together, the whole cycle's budgets, and under yearly budgets
/// ``CapacityTable``s over each year's room left, as each course taken is given a year. What the
/// chosen courses add up to is kept up to date as courses are taken and left, so a search node
/// costs a handful of lookups, not a pass over the catalog. Of the two children, the one whose
/// bound is lower is visited first, so the first plan found is close to the best.
struct PlannerSearch {
    let problem: PlanningProblem
    let scheduler: Scheduler
    /// The most hours and money the whole remaining cycle's budgets leave the chosen courses.
    let hoursAvailable: Double
    let moneyAvailable: Double
    /// Course indexes in search order: gap-closing courses first (a first plan, and with it
    /// pruning, comes early), then best credits per unit of cost.
    let order: [Int]
    /// For each position in `order`, the fewest hours per credit among the courses from there on.
    let fewestHoursPerCredit: [Double]
    /// Per gap and position in `order`, the fewest hours of a course from there on that reaches it.
    let quickest: [[Double]]
    /// Bounds on the price still to pay; the search takes the largest.
    private(set) var tables: [CoverTable]
    /// For each course index, the courses that dominate it (see ``dominates(_:_:in:prerequisites:)``)
    /// and come before it in `order`: taking it without all of them can never be needed.
    let dominators: [[Int]]

    /// Per course index: credits, category (an index into `caps`), the minimums it counts toward (indexes
    /// into the problem's), the gaps it reaches, and its prerequisites not yet completed nor pinned (-1: in no catalog).
    let credits: [Double]
    let category: [Int]
    let towards: [[Int]]
    let reaches: [[Int]]
    let prerequisites: [[Int]]
    /// Per category index: the cap on counted credits.
    let caps: [Double]
    /// The levels as ranks by area index (-1: none): the therapist's, and per course what it brings from which
    /// entry level (-1: none needed); per gap its area and the rank it requires. ``levelsMet()`` reads them
    /// instead of ``Planner/reachableLevels(_:_:)``'s dictionaries, which were most of a search node's time.
    let startLevels: [Int]
    let outcomes: [[(area: Int, level: Int, entry: Int)]]
    let gapNeeds: [(area: Int, required: Int)]

    /// Whether hours or money are budgeted per year.
    let budgeted: Bool
    /// Upper bounds on the credits a year's room can still take, per budgeted resource.
    let hourCapacity: CapacityTable?
    let moneyCapacity: CapacityTable?

    /// The search state: which courses are taken, their credits by category and toward each minimum
    /// (earned ones included), per gap how many taken courses reach it, and under a yearly budget each
    /// year's room left after pinned training and the courses taken, and the year of each.
    var chosen: [Bool]
    var byCategory: [Double]
    var byMinimum: [Double]
    /// The minimums' credits before each course taken, restored by ``leave(_:_:)``: a stack.
    private var minimumHistory: [Double] = []
    var reached: [Int]
    var rooms: [YearRoom]
    var year: [Int]

    var best: (price: PlanPrice, selection: [Int], quarters: [Int])?
    let maxSteps: Int
    var steps = 0
    /// Whether the step budget (or the deadline) ran out, leaving the best plan unproven (or none found).
    var exhausted = false
    /// When the search must stop whatever its steps: the therapist's time limit, which also bounds
    /// the solver and the diagnosis after it.
    var deadline: ContinuousClock.Instant?

    /// Entries (positions x states) one ``CoverTable`` may hold: 16 MiB of prices. Needs that do
    /// not fit the joint table get tables of their own, coarser where even one would not fit.
    static let tableEntries = 1 << 20

    init(problem: PlanningProblem, maxSteps: Int) {
        self.problem = problem
        self.maxSteps = maxSteps
        let scheduler = Scheduler(problem: problem)
        self.scheduler = scheduler
        // What the pinned training takes is not available to the courses chosen.
        rooms = scheduler.rooms
        hoursAvailable = rooms.reduce(0) { $0 + $1.hours }
        moneyAvailable = rooms.reduce(0) { $0 + $1.money }

        let courses = problem.courses
        let gaps = problem.gaps
        let reaches = courses.map { course in
            gaps.indices.filter { g in course.outcomes.contains { $0.area == gaps[g].area && $0.level >= gaps[g].required } }
        }
        // A course no year has room for can never be scheduled: leaving it out of the search keeps the bounds tight.
        let hourRoom = rooms.map(\.hours).max() ?? 0
        let moneyRoom = rooms.map(\.money).max() ?? 0
        // Sort keys worked out once: comparing courses directly would copy them at every comparison.
        let keys = courses.indices.map { index in
            let course = courses[index]
            return (reaches[index].isEmpty ? 1 : 0, course.credits > 0 ? course.cost / course.credits : .infinity, course.cost, index)
        }
        let order = courses.indices.filter {
            courses[$0].hours <= hourRoom + Planner.tolerance && courses[$0].cost <= moneyRoom + Planner.tolerance
        }.sorted { keys[$0] < keys[$1] }
        self.order = order

        var fewestHoursPerCredit = Array(repeating: Double.infinity, count: order.count + 1)
        var quickest = Array(repeating: Array(repeating: Double.infinity, count: order.count + 1), count: gaps.count)
        for position in stride(from: order.count - 1, through: 0, by: -1) {
            let course = courses[order[position]]
            let rate = course.credits > 0 ? course.hours / course.credits : .infinity
            fewestHoursPerCredit[position] = min(fewestHoursPerCredit[position + 1], rate)
            for g in gaps.indices {
                quickest[g][position] = min(quickest[g][position + 1], reaches[order[position]].contains(g) ? course.hours : .infinity)
            }
        }
        self.fewestHoursPerCredit = fewestHoursPerCredit
        self.quickest = quickest

        var categories = Array(Set(courses.map(\.category)).union(problem.earned.keys).union(problem.caps.keys)).sorted()
        if categories.isEmpty { categories = [""] }
        let categoryIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($0.element, $0.offset) })
        caps = categories.map { problem.caps[$0] ?? .infinity }
        category = courses.map { categoryIndex[$0.category] ?? 0 }
        towards = courses.map { course in problem.minimums.indices.filter { problem.counts(course, toward: $0) } }
        byMinimum = problem.minimums.indices.map(problem.earnedToward)
        credits = courses.map(\.credits)
        self.reaches = reaches
        let index = Dictionary(courses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let pinned = problem.pinnedPrerequisites
        prerequisites = courses.map { course in
            course.prerequisites.filter { !problem.completed.contains($0) && pinned[$0] == nil }.map { index[$0] ?? -1 }
        }
        var areaIndex: [String: Int] = [:]
        func area(_ name: String) -> Int {
            if let known = areaIndex[name] { return known }
            areaIndex[name] = areaIndex.count
            return areaIndex.count - 1
        }
        outcomes = courses.map { course in course.outcomes.map { (area($0.area), $0.level.rank, $0.entry?.rank ?? -1) } }
        gapNeeds = gaps.map { (area($0.area), $0.required.rank) }
        var startLevels = Array(repeating: -1, count: areaIndex.count)
        for (name, level) in problem.levels { if let a = areaIndex[name] { startLevels[a] = level.rank } }
        self.startLevels = startLevels
        chosen = Array(repeating: false, count: courses.count)
        byCategory = categories.map { problem.earned[$0] ?? 0 }
        reached = Array(repeating: 0, count: gaps.count)
        budgeted = problem.hoursPerYear != nil || problem.moneyPerYear != nil
        year = Array(repeating: 0, count: courses.count)
        let orderedCredits = order.map { courses[$0].credits }
        hourCapacity = problem.hoursPerYear.map { CapacityTable(weights: order.map { courses[$0].hours }, credits: orderedCredits, limit: $0, precision: 60) }
        moneyCapacity = problem.moneyPerYear.map { CapacityTable(weights: order.map { courses[$0].cost }, credits: orderedCredits, limit: $0, precision: 100) }
        dominators = Self.dominators(problem, order)
        // A placeholder until every stored property is set: the tables need the state above.
        tables = []
        let prices = order.map { PlanPrice(cost: courses[$0].cost, hours: courses[$0].hours) }
        tables = Self.dimensions(self).map { CoverTable(prices: prices, dimensions: $0) }
    }

    /// The tables' dimensions: one joint table with the credits, then each category minimum, then
    /// each gap while it fits ``tableEntries``; a table of its own for each need that does not.
    static func dimensions(_ search: PlannerSearch) -> [[CoverTable.Dimension]] {
        let positions = search.order.count + 1
        let limit = max(1, tableEntries / positions)
        var needs: [CoverTable.Need] = [.credits]
        needs += search.problem.minimums.indices.map { .minimum($0) }
        needs += search.problem.gaps.indices.map { .gap($0) }
        var joint: [CoverTable.Dimension] = []
        var alone: [[CoverTable.Dimension]] = []
        for need in needs {
            let target = search.missing(need)
            guard target > 0 else { continue }
            let weights = search.order.map { search.weight(of: $0, toward: need) }
            // Needs too large for a table: counted in coarser units, rounded up, which only makes covering easier.
            let unit = (target + limit - 1) / limit
            let dimension = unit > 1
                ? CoverTable.Dimension(need: need, target: (target + unit - 1) / unit, unit: unit, weights: weights.map { ($0 + unit - 1) / unit })
                : CoverTable.Dimension(need: need, target: target, unit: 1, weights: weights)
            if CoverTable.states(joint.map(\.target) + [dimension.target]) <= limit {
                joint.append(dimension)
            } else {
                alone.append([dimension])
            }
        }
        return joint.isEmpty ? alone : [joint] + alone
    }

    /// What course `index` contributes toward `need`, in whole units rounded up.
    func weight(of index: Int, toward need: CoverTable.Need) -> Int {
        switch need {
        case .credits: return Self.whole(credits[index])
        case .minimum(let k): return towards[index].contains(k) ? Self.whole(credits[index]) : 0
        case .gap(let g): return reaches[index].contains(g) ? 1 : 0
        }
    }

    /// How much of `need` the chosen courses leave missing, in whole units rounded up.
    func missing(_ need: CoverTable.Need) -> Int {
        switch need {
        case .credits: return Self.whole(missingCredits)
        case .minimum(let k): return Self.whole(problem.minimums[k].credits - byMinimum[k])
        case .gap(let g): return reached[g] == 0 ? 1 : 0
        }
    }

    /// Credits still missing toward the total, each category counted up to its cap.
    var missingCredits: Double {
        var counted = 0.0
        for k in byCategory.indices { counted += min(byCategory[k], caps[k]) }
        return problem.total - counted
    }

    /// A non-negative amount as whole units, rounded up; 0 for anything within rounding of 0.
    static func whole(_ value: Double) -> Int {
        guard value > Planner.tolerance else { return 0 }
        // Far beyond any cycle's credits; keeps absurd data from overflowing.
        return Int(min(value - Planner.tolerance, 1e9).rounded(.up))
    }

    /// Whether `a` can replace `b` in any plan without making it worse or breaking it: same category and topics,
    /// at least the credits, at most the cost and hours, every level `b` raises raised as far, no
    /// entry level or prerequisite `b` does not need too, and no course needs `b` as a prerequisite.
    /// Swapping `b` for `a` in `b`'s quarter then keeps every constraint, so some optimal plan takes
    /// `b` only together with every course that dominates it and comes earlier in the search order.
    ///
    /// Courses are named by index and read in place: copying two courses for each of a catalog's tens of thousands
    /// of pairs, and a set of topics for each, cost 15% of the search's time on PlanBench's 300-course catalog.
    static func dominates(_ a: Int, _ b: Int, in problem: PlanningProblem, prerequisites: Set<String>) -> Bool {
        let courses = problem.courses
        guard courses[a].category == courses[b].category, courses[a].credits + Planner.tolerance >= courses[b].credits,
              courses[a].cost <= courses[b].cost + Planner.tolerance, courses[a].hours <= courses[b].hours + Planner.tolerance,
              courses[a].topics.allSatisfy(courses[b].topics.contains), courses[b].topics.allSatisfy(courses[a].topics.contains),
              !prerequisites.contains(courses[b].id) else { return false }
        let levels = problem.levels
        for needed in courses[a].prerequisites where !problem.completed.contains(needed) && !courses[b].prerequisites.contains(needed) { return false }
        for outcome in courses[b].outcomes where levels[outcome.area].map({ $0 < outcome.level }) ?? true {
            guard courses[a].outcomes.contains(where: { $0.area == outcome.area && $0.level >= outcome.level }) else { return false }
        }
        for outcome in courses[a].outcomes {
            guard let entry = outcome.entry, levels[outcome.area].map({ $0 < entry }) ?? true else { continue }
            guard courses[b].outcomes.contains(where: { $0.area == outcome.area && ($0.entry.map { $0 >= entry } ?? false) }) else { return false }
        }
        return true
    }

    /// For each course index, the courses earlier in `order` that dominate it.
    static func dominators(_ problem: PlanningProblem, _ order: [Int]) -> [[Int]] {
        let courses = problem.courses
        let prerequisites = Set(courses.flatMap(\.prerequisites))
        // The numbers first, from plain arrays: most pairs fail on them, and the full test compares strings.
        let credits = courses.map(\.credits)
        let cost = courses.map(\.cost)
        let hours = courses.map(\.hours)
        let category = courses.map(\.category)
        var dominators = Array(repeating: [Int](), count: courses.count)
        for later in order.indices {
            let b = order[later]
            for earlier in 0..<later {
                let a = order[earlier]
                guard credits[a] + Planner.tolerance >= credits[b], cost[a] <= cost[b] + Planner.tolerance,
                      hours[a] <= hours[b] + Planner.tolerance, category[a] == category[b], dominates(a, b, in: problem, prerequisites: prerequisites) else { continue }
                dominators[b].append(a)
            }
        }
        return dominators
    }

    mutating func run() { visit(0, .zero) }

    /// The least price any plan's chosen courses can have: the tables' bound before any course is
    /// taken or left, the exact optimum of the plan without prerequisites, entry levels and
    /// per-year budgets (the yearly rooms only rule out courses no year can hold). The solver gets it
    /// as a floor: the least cost and the fewest hours at it that a covering of the credits, minimums
    /// and gaps can have, which its linear relaxation cannot see (credits come in steps).
    var rootBound: PlanPrice { remaining(from: 0) }

    private mutating func visit(_ position: Int, _ price: PlanPrice) {
        steps += 1
        if steps > maxSteps { exhausted = true }
        // The clock, every few thousand steps: a step is well under a microsecond.
        if steps & 4095 == 0, let deadline, ContinuousClock.now >= deadline { exhausted = true }
        if exhausted { return }
        if let best, !(price < best.price) { return }
        // Adding courses only adds hours and cost: past the whole cycle's budget, nothing below can fit.
        if price.hours > hoursAvailable + Planner.tolerance || price.cost > moneyAvailable + Planner.tolerance { return }
        if meetsStaticConstraints() {
            let selection = problem.courses.indices.filter { chosen[$0] }
            // Under a budget each course has a year with room for it; unless a prerequisite or an
            // entry level ties courses of the selection together, any quarter of that year will do.
            let untied = budgeted && scheduler.links(selection).map { $0.linked.isEmpty } == true
            let quarters = untied ? selection.map { scheduler.years[year[$0]].lowerBound }
                                  : scheduler.schedule(selection, steps: &steps, limit: maxSteps)
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
        let bound = price + remaining(from: position)
        if bound.cost == .infinity || bound.cost > moneyAvailable + Planner.tolerance { return }  // some constraint is out of reach
        if hoursAvailable < .infinity && price.hours + hoursStillNeeded(from: position) > hoursAvailable + Planner.tolerance { return }
        if let best, !(bound < best.price) { return }
        if budgeted && !roomLeft(from: position) { return }
        let index = order[position]
        let course = problem.courses[index]
        let taken = price + PlanPrice(cost: course.cost, hours: course.hours)
        guard dominators[index].allSatisfy({ chosen[$0] }) else { return visit(position + 1, price) }
        // The child whose bound is lower first: the search then follows the relaxation's own choice,
        // so its first plan is close to the best and prunes the most.
        let before = take(index)
        let takeBound = taken + remaining(from: position + 1)
        leave(index, before)
        if !(price + remaining(from: position + 1) < takeBound) {
            visitTaking(index, position, taken)
            visit(position + 1, price)
        } else {
            visit(position + 1, price)
            visitTaking(index, position, taken)
        }
    }

    /// Visits the branch that takes course `index`: under a yearly budget once per year with room
    /// for it, else once.
    ///
    /// The years here are rooms, not an order: a selection whose courses are tied by prerequisites
    /// or entry levels is scheduled whole by ``Scheduler`` at the end. So two years with the same
    /// room left lead to the same selections (swap the courses that follow between them), and each
    /// room is tried once.
    private mutating func visitTaking(_ index: Int, _ position: Int, _ taken: PlanPrice) {
        let before = take(index)
        defer { leave(index, before) }
        guard budgeted else { return visit(position + 1, taken) }
        let course = problem.courses[index]
        var tried: [YearRoom] = []
        for y in rooms.indices {
            let room = rooms[y]
            guard room.holds(course), !tried.contains(where: room.isSame) else { continue }
            tried.append(room)
            rooms[y] = room.taking(course)
            year[index] = y
            visit(position + 1, taken)
            rooms[y] = room
        }
    }

    /// Whether the years' room left could still hold the missing credits: each year's most credits
    /// within its hours and, separately, within its money, summed over the years.
    private func roomLeft(from position: Int) -> Bool {
        let missing = missingCredits
        guard missing > Planner.tolerance else { return true }
        if let hourCapacity {
            var most = 0.0
            for room in rooms { most += hourCapacity.credits(at: position, room: room.hours) }
            if most + Planner.tolerance < missing { return false }
        }
        if let moneyCapacity {
            var most = 0.0
            for room in rooms { most += moneyCapacity.credits(at: position, room: room.money) }
            if most + Planner.tolerance < missing { return false }
        }
        return true
    }

    /// Takes course `index` into the state; returns its category's credits before, for ``leave(_:_:)``.
    private mutating func take(_ index: Int) -> Double {
        let before = byCategory[category[index]]
        chosen[index] = true
        byCategory[category[index]] += credits[index]
        for k in towards[index] {
            minimumHistory.append(byMinimum[k])
            byMinimum[k] += credits[index]
        }
        for g in reaches[index] { reached[g] += 1 }
        return before
    }

    /// Undoes ``take(_:)``, restoring the category's credits rather than subtracting: no rounding
    /// drift over millions of steps.
    private mutating func leave(_ index: Int, _ before: Double) {
        for g in reaches[index] { reached[g] -= 1 }
        // invariant: leave(index) undoes the take(index) that pushed these entries, last in first out.
        for k in towards[index].reversed() { byMinimum[k] = minimumHistory.removeLast() }
        byCategory[category[index]] = before
        chosen[index] = false
    }

    /// The least price the courses from `position` on must add to the chosen ones: the largest of the tables' bounds.
    private func remaining(from position: Int) -> PlanPrice {
        var bound = PlanPrice.zero
        // A closure, not the method itself: passing `missing` partially applies it, which copies the whole search (every
        // array retained, then released) at each node, a tenth of a team's planning in perf.
        for table in tables { bound = max(bound, table.bound(at: position, missing: { missing($0) })) }
        return bound
    }

    /// Whether the chosen courses meet everything but the schedule: credits, minimums, prerequisites, gaps.
    func meetsStaticConstraints() -> Bool {
        // The running totals first: they rule out almost every node without a pass over the courses.
        guard missingCredits <= Planner.tolerance, !reached.contains(0) else { return false }
        for k in byMinimum.indices where byMinimum[k] + Planner.tolerance < problem.minimums[k].credits { return false }
        for index in chosen.indices where chosen[index] {
            for p in prerequisites[index] where p < 0 || !chosen[p] { return false }
        }
        return levelsMet()
    }

    /// Whether the chosen courses can each be taken once its entry levels are reached, and then reach every
    /// gap's level: ``Planner/reachableLevels(_:_:)`` over ranks by area index.
    func levelsMet() -> Bool {
        var levels = startLevels
        var pending = chosen.indices.filter { chosen[$0] }
        var progress = true
        while progress && !pending.isEmpty {
            progress = false
            pending.removeAll { index in
                guard outcomes[index].allSatisfy({ $0.entry < 0 || levels[$0.area] >= $0.entry }) else { return false }
                for outcome in outcomes[index] where levels[outcome.area] < outcome.level { levels[outcome.area] = outcome.level }
                progress = true
                return true
            }
        }
        return pending.isEmpty && gapNeeds.allSatisfy { levels[$0.area] >= $0.required }
    }

    /// Hours every completion from `position` on must add: the most of the missing credits at the
    /// best rate left and each open gap's quickest course.
    private func hoursStillNeeded(from position: Int) -> Double {
        let missing = missingCredits
        var needed = missing > Planner.tolerance ? missing * fewestHoursPerCredit[position] : 0
        for g in reached.indices where reached[g] == 0 { needed = max(needed, quickest[g][position]) }
        return needed
    }
}


