import TacetDocuments

/// The plan as a mixed-integer linear program, solved exactly by COIN-OR CBC (``MILP``).
///
/// Time-indexed: one binary per course and quarter it may start in ("slot"), so the program states
/// the schedule itself and every integer solution is a plan, with no placement left to check
/// afterwards. A course tied to no other (no prerequisite, entry level or pinned prerequisite, and
/// needed by none) may go anywhere in its calendar year, so it has one slot per year (one for the
/// whole cycle when nothing is budgeted by year) instead of one per quarter. Constraints, the same
/// rules the search and ``Scheduler`` keep:
/// - each course at most once;
/// - a prerequisite, or a course bringing an entry level the therapist lacks, finished in an earlier
///   quarter: the course's slot in quarter q is at most the slots of the group before q (the
///   cumulative "done by q" sum, which gives a tight linear relaxation);
///   a prerequisite pinned as required training, in a quarter after it; one in no catalog, never;
/// - every gap closed by some course that reaches the required level;
/// - levels climbed from the therapist's: a course whose entry level the therapist lacks, or a gap,
///   needs for each level on the way some course that brings the area to it from below (valid for
///   every plan; it keeps the linear relaxation from climbing on fractions of courses);
/// - each linked course placed as early as its year (or the cycle), its pinned prerequisite and what
///   it waits for allow, as ``Scheduler`` places it: some optimal plan is placed so, and the quarters
///   of a year are then no longer interchangeable copies for CBC to branch over;
/// - the cycle's credits counted with category caps, and each category minimum;
/// - each calendar year's hours and money within its budget, less the pinned training's, and within
///   what the courses can add up to there (``YearCapacity``), as its credits are.
///
/// Without `scheduling` (``init(problem:scheduling:)``) the same rules less the quarters: one column a
/// course, the cycle's budgets summed, a relaxation the planner solves first.
///
/// The objective is exact and lexicographic: the least cost first (money in whole cents), then, with
/// the cost held at that optimum, the fewest hours. Pinned training is outside the choice and costs
/// the same in every plan, so it is left out of both.
struct PlanModel {
    /// Where a course may be placed: the quarters its binary column stands for (one quarter for a
    /// linked course; a year, or the cycle, for a free one).
    struct Slot {
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
    /// Every slot, each a binary column: the columns CBC branches on.
    private(set) var slots: [Slot] = []
    let scheduler: Scheduler
    /// Each course's cost in cents, and whether every one is a whole number of cents (then the
    /// least cost is an integer and holding the cost at it is exact).
    let cents: [Double]
    let wholeCents: Bool
    /// Each course's hours in hundredths, and whether every one is a whole number of hundredths.
    let hundredths: [Double]
    let wholeHundredths: Bool

    /// Whether each stage tries the linear relaxation (Clp) before CBC; false only in the tests that
    /// compare the two paths.
    var usesRelaxation = true
    /// Whether a stage its relaxation does not settle goes to CBC; false for the planner's quick first try,
    /// which then stops there (no bound, no plan) and leaves the problem to the full solve.
    var usesCBC = true

    /// Whether the program states the schedule (quarter slots, yearly budgets); false for the selection
    /// alone (see ``init(problem:scheduling:)``).
    let scheduling: Bool

    /// The program for `problem`. Without `scheduling`, a relaxation: one column per course and no
    /// quarters. A course waits for what it needs without saying when (it is taken only with its
    /// prerequisites and some course that brings its entry level), is left out when its chain of
    /// waits cannot end within the cycle's quarters or no year's budget can hold it, and the yearly
    /// budgets are summed over the cycle. Every plan, placed or not, is a solution, so its optimum
    /// is a floor for the plan's; and a solution the ``Scheduler`` can place is a plan, so then it is
    /// the optimum. A tenth of the columns of the scheduled program, far fewer rows.
    init(problem: PlanningProblem, scheduling: Bool = true) {
        self.problem = problem
        self.scheduling = scheduling
        let courses = problem.courses
        cents = courses.map { ($0.cost * 100).rounded() }
        wholeCents = zip(courses, cents).allSatisfy { abs($0.cost * 100 - $1) < 1e-6 }
        let wholeHundredths = courses.allSatisfy { abs($0.hours * 100 - ($0.hours * 100).rounded()) < 1e-6 }
        self.wholeHundredths = wholeHundredths
        hundredths = courses.map { wholeHundredths ? ($0.hours * 100).rounded() : $0.hours * 100 }
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
        if !scheduling {
            // The first quarter each course can start in: after a prerequisite pinned as required training, and after
            // what it waits for has started at its own earliest. A monotone fixpoint: quarters only ever go later.
            var earliest = notBefore
            var changed = true
            while changed {
                changed = false
                for i in courses.indices where !never[i] && earliest[i] < quarterCount {
                    for g in waits[i] {
                        let soonest = groups[g].filter { !never[$0] }.map { earliest[$0] + 1 }.min() ?? quarterCount
                        if soonest > earliest[i] {
                            earliest[i] = min(soonest, quarterCount)
                            changed = true
                        }
                    }
                }
            }
            // No course past the cycle's last quarter, nor one no year's budget can hold.
            let most = scheduler.rooms.reduce(YearRoom(hours: -.infinity, money: -.infinity)) {
                YearRoom(hours: max($0.hours, $1.hours), money: max($0.money, $1.money))
            }
            for i in courses.indices where earliest[i] >= quarterCount || !most.holds(courses[i]) { never[i] = true }
            notBefore = Array(repeating: 0, count: courses.count)
        }
        var linked = Array(repeating: false, count: courses.count)
        for i in courses.indices where !waits[i].isEmpty || notBefore[i] > 0 { linked[i] = true }
        for members in groups { for j in members { linked[j] = true } }

        let budgeted = problem.hoursPerYear != nil || problem.moneyPerYear != nil
        // Per course, its slots (none: it can never be taken).
        var own = Array(repeating: [Slot](), count: courses.count)
        // The first quarter of each quarter's stretch: its calendar year under yearly budgets (what a year's
        // budget counts), else the whole cycle.
        let stretchStart = (0..<quarterCount).map { q in budgeted ? scheduler.years.first { $0.contains(q) }?.lowerBound ?? 0 : 0 }
        // Some optimal plan places every course as early as its stretch, its pinned prerequisite and what it waits
        // for allow (``Scheduler/place(_:within:)``: moving a course earlier within its year keeps every budget, and
        // what waits for it still comes after it). So a linked course starts past the first quarter open to it in
        // its stretch only right after a course it waits for (the rows below), and one that waits for nothing has
        // one slot a stretch: the quarters of a year are no longer copies of each other for CBC to branch over.
        func opens(_ i: Int, _ q: Int) -> Bool { q == max(stretchStart[q], notBefore[i]) }
        for i in courses.indices where !never[i] && notBefore[i] < quarterCount {
            let spans: [ClosedRange<Int>]
            if !scheduling {
                spans = [0...(quarterCount - 1)]
            } else if linked[i] {
                spans = (notBefore[i]..<quarterCount).filter { !waits[i].isEmpty || opens(i, $0) }.map { $0...$0 }
            } else {
                spans = budgeted ? scheduler.years : [0...(quarterCount - 1)]
            }
            for span in spans {
                let slot = Slot(course: i, quarters: span, column: milp.addColumn())
                own[i].append(slot)
                slots.append(slot)
            }
        }

        // Each course at most once.
        for i in courses.indices where own[i].count > 1 {
            milp.addRow(own[i].map { ($0.column, 1) }, upper: 1)
        }
        // A course another dominates (``PlannerSearch/dominates(_:_:in:prerequisites:)``: at least its credits in
        // its category, at most its cost and hours, nothing it needs or brings left out) is taken only with that
        // one: swapping it for its dominator in its quarter keeps every rule and costs no more, so some optimal
        // plan keeps every such row. Of two equal courses, the first dominates. They cut the subsets of
        // interchangeable courses that the linear relaxation cannot tell apart.
        let prerequisites = Set(courses.flatMap(\.prerequisites))
        for b in courses.indices where scheduling && !own[b].isEmpty {
            for a in courses.indices where a != b && !own[a].isEmpty {
                guard courses[a].category == courses[b].category, courses[a].credits + Planner.tolerance >= courses[b].credits,
                      courses[a].cost <= courses[b].cost + Planner.tolerance, courses[a].hours <= courses[b].hours + Planner.tolerance,
                      PlannerSearch.dominates(a, b, in: problem, prerequisites: prerequisites) else { continue }
                // Equal courses: only the first dominates.
                if a > b && PlannerSearch.dominates(b, a, in: problem, prerequisites: prerequisites) { continue }
                milp.addRow(own[b].map { ($0.column, 1.0) } + own[a].map { ($0.column, -1.0) }, upper: 0)
            }
        }
        // A course that waits for group g is started by quarter q only if some member of g was started
        // before q: cumulative on both sides, which is valid as the course is taken once, and tighter
        // than bounding each quarter's slot alone.
        for i in courses.indices where !scheduling {
            // Without quarters there is no order to keep, only that the wait can be met: some member of
            // each group it waits for is taken too.
            for g in waits[i] where !own[i].isEmpty {
                milp.addRow(own[i].map { ($0.column, 1.0) } + groups[g].flatMap { own[$0] }.map { ($0.column, -1.0) }, upper: 0)
            }
        }
        for i in courses.indices where scheduling {
            for g in waits[i] {
                // invariant: a course that waits, and every member of a group, is linked: its slots are single quarters.
                let members = groups[g].flatMap { own[$0] }
                for slot in own[i] {
                    let q = slot.quarters.lowerBound
                    let started = own[i].filter { $0.quarters.lowerBound <= q }.map { ($0.column, 1.0) }
                    milp.addRow(started + members.filter { $0.quarters.lowerBound < q }.map { ($0.column, -1.0) }, upper: 0)
                }
            }
        }
        // Past the first quarter open to it in its stretch, a course starts only right after some course it waits for.
        for i in courses.indices where scheduling && !waits[i].isEmpty {
            let members = Set(waits[i].flatMap { groups[$0] }).sorted().flatMap { own[$0] }
            for slot in own[i] where !opens(i, slot.quarters.lowerBound) {
                let q = slot.quarters.lowerBound
                milp.addRow([(slot.column, 1.0)] + members.filter { $0.quarters.lowerBound == q - 1 }.map { ($0.column, -1.0) }, upper: 0)
            }
        }
        // Every gap closed.
        for gap in problem.gaps {
            let terms = courses.indices.filter { i in courses[i].outcomes.contains { $0.area == gap.area && $0.level >= gap.required } }
                .flatMap { own[$0].map { ($0.column, 1.0) } }
            milp.addRow(terms, lower: 1)
        }
        // Levels are climbed from the therapist's: for an area to reach level t from below it, the first course
        // that brings it to t or above is taken while it is below t, so that course's entry level (in the area)
        // is below t, or it has none. So a course whose entry level the therapist lacks is taken only with, for
        // every level t above the therapist's up to that entry level, some course bringing the area to t from
        // below it; and a gap is closed only with such a course for every level up to the one required. Valid
        // for every plan; without them the linear relaxation climbs a long cycle on fractions of courses that
        // bring the level to one another, and leaves out the one paid course that starts the climb.
        func climbers(_ area: String, to level: CompetencyLevel, except i: Int?) -> [(column: Int, coefficient: Double)] {
            courses.indices.filter { j in
                j != i && courses[j].outcomes.contains { $0.area == area && $0.level >= level && ($0.entry.map { $0 < level } ?? true) }
            }.flatMap { own[$0].map { ($0.column, 1.0) } }
        }
        func above(_ area: String, upTo level: CompetencyLevel) -> [CompetencyLevel] {
            CompetencyLevel.allCases.filter { t in t <= level && (problem.levels[area].map { t > $0 } ?? true) }
        }
        for i in courses.indices where !own[i].isEmpty {
            for outcome in courses[i].outcomes {
                guard let entry = outcome.entry else { continue }
                for t in above(outcome.area, upTo: entry) {
                    milp.addRow(own[i].map { ($0.column, 1.0) } + climbers(outcome.area, to: t, except: i).map { ($0.column, -$0.coefficient) }, upper: 0)
                }
            }
        }
        for gap in problem.gaps {
            for t in above(gap.area, upTo: gap.required) { milp.addRow(climbers(gap.area, to: t, except: nil), lower: 1) }
        }
        // Credits: each category counted up to its cap, toward the total; each minimum met.
        let categories = Set(courses.map(\.category)).union(problem.earned.keys).sorted()
        // The total with every category counted in full, and for each category whose courses can pass
        // its cap, that category's part (earned and courses) and its cap.
        var uncapped: [(column: Int, coefficient: Double)] = []
        var uncappedEarned = 0.0
        var capped: [(terms: [(column: Int, coefficient: Double)], earned: Double, cap: Double)] = []
        for category in categories {
            let earned = problem.earned[category] ?? 0
            let members = courses.indices.filter { courses[$0].category == category }
            let terms: [(column: Int, coefficient: Double)] = members.flatMap { i in own[i].map { ($0.column, courses[i].credits) } }
            let reachable = earned + members.reduce(0) { $0 + courses[$1].credits }
            if let cap = problem.caps[category], cap < reachable + Planner.tolerance {
                capped.append((terms, earned, max(0, cap)))
            } else {
                uncapped += terms
                uncappedEarned += earned
            }
        }
        for (k, minimum) in problem.minimums.enumerated() where minimum.credits - problem.earnedToward(k) > Planner.tolerance {
            let terms = courses.indices.filter { problem.counts(courses[$0], toward: k) }
                .flatMap { i in own[i].map { ($0.column, courses[i].credits) } }
            milp.addAmountRow(terms, lower: minimum.credits - problem.earnedToward(k) - Planner.tolerance)
        }
        // The total of min(part, cap) over the capped categories, plus the rest, reaches the cycle's total
        // exactly when it does with each capped category taken as its part or as its cap, in every
        // combination: one row over binaries each, which the credits' steps tighten (``MILP/addAmountRow``).
        // Past a few capped categories the combinations grow too many: each is then a continuous column.
        if capped.count <= 4 {
            for mask in 0..<(1 << capped.count) {
                var terms = uncapped
                var constant = uncappedEarned
                for (k, category) in capped.enumerated() {
                    if mask & (1 << k) != 0 {
                        terms += category.terms
                        constant += category.earned
                    } else {
                        constant += category.cap
                    }
                }
                if problem.total - constant > Planner.tolerance { milp.addAmountRow(terms, lower: problem.total - constant - Planner.tolerance) }
            }
        } else {
            var counted = uncapped
            for category in capped {
                let column = milp.addColumn(lower: 0, upper: category.cap, integer: false)
                milp.addRow([(column, 1)] + category.terms.map { ($0.column, -$0.coefficient) }, upper: category.earned)
                counted.append((column, 1))
            }
            if problem.total - uncappedEarned > Planner.tolerance { milp.addRow(counted, lower: problem.total - uncappedEarned - Planner.tolerance) }
        }
        // What each year's courses can add up to within its room (``YearCapacity``): course amounts come in steps, so a
        // year's budget is rarely filled to the cent, and credits come with hours.
        var capacities: [YearRoom: YearCapacity] = [:]
        let takeable = courses.indices.filter { !own[$0].isEmpty }.map { courses[$0] }
        let capacity: [YearCapacity] = budgeted ? scheduler.rooms.map { room in
            if let known = capacities[room] { return known }
            let found = YearCapacity(room: room, courses: takeable)
            capacities[room] = found
            return found
        } : []
        // Without quarters, the cycle's hours and money: what each year can hold, summed; and its credits likewise.
        if budgeted && !scheduling {
            let hours = capacity.reduce(0) { $0 + $1.hours }
            let money = capacity.reduce(0) { $0 + $1.money }
            let credits = capacity.reduce(0) { $0 + $1.credits }
            if hours.isFinite { milp.addAmountRow(slots.map { ($0.column, courses[$0.course].hours) }, upper: hours + Planner.tolerance) }
            if money.isFinite { milp.addAmountRow(slots.map { ($0.column, courses[$0.course].cost) }, upper: money + Planner.tolerance) }
            if credits.isFinite && takeable.reduce(0, { $0 + $1.credits }) > credits + Planner.tolerance {
                milp.addAmountRow(slots.map { ($0.column, courses[$0.course].credits) }, upper: credits + Planner.tolerance)
            }
            // The sums alone let the program spread large courses over years as if they could be split. Each year's
            // courses fit its room R (what they can add up to within it), at most the largest room M; so for k = 1, 2, ...
            // their fractions x = amount / M have sum(ceil((k + 1) * x) - 1) <= ceil((k + 1) * R / M) - 1 (each term is
            // below (k + 1) * x, the terms sum below (k + 1) * R / M, and the left side is whole; with R = M, at most k):
            // a dual feasible function of bin packing. Summed over the years, one row per k over every course: at most
            // one course past half the largest room a year (k = 1), at most two past a third, and so on. Rounded so as
            // only to loosen them.
            // Each slot's amount read once into an array: a key path applied to a course in the loop copied the course.
            for (amounts, rooms) in [(slots.map { courses[$0.course].hours }, capacity.map { $0.hours + Planner.tolerance }),
                                     (slots.map { courses[$0.course].cost }, capacity.map { $0.money + Planner.tolerance })] {
                guard let largest = rooms.max(), largest.isFinite, largest > 0 else { continue }
                for k in 1...Self.packingRows {
                    let step = Double(k + 1)
                    let parts = zip(slots, amounts).map { ($0.column, (step * $1 / largest - 1e-9).rounded(.up) - 1) }
                        .filter { $0.1 > 0 }
                    let room = rooms.reduce(0) { $0 + ($1 >= largest ? Double(k) : max(0, (step * $1 / largest + 1e-9).rounded(.up) - 1)) }
                    // A row every selection meets holds nothing back.
                    guard parts.reduce(0, { $0 + $1.1 }) > room else { continue }
                    milp.addRow(parts, upper: room)
                }
            }
        }
        // Each year's hours and money, after the pinned training's, and its credits: at most what its courses can add up to.
        if budgeted && scheduling {
            for (y, years) in scheduler.years.enumerated() {
                let room = capacity[y]
                let inYear = slots.filter { years.contains($0.quarters.lowerBound) }
                if room.hours.isFinite { milp.addAmountRow(inYear.map { ($0.column, courses[$0.course].hours) }, upper: room.hours + Planner.tolerance) }
                if room.money.isFinite { milp.addAmountRow(inYear.map { ($0.column, courses[$0.course].cost) }, upper: room.money + Planner.tolerance) }
                if room.credits.isFinite && inYear.reduce(0, { $0 + courses[$1.course].credits }) > room.credits + Planner.tolerance {
                    milp.addAmountRow(inYear.map { ($0.column, courses[$0.course].credits) }, upper: room.credits + Planner.tolerance)
                }
            }
        }
    }

    /// How many of the yearly packing rows (k = 1, 2, ...) the program without quarters gets per budget.
    static let packingRows = 8

    /// Excludes every solution that takes all of `courses` together: a set no plan can hold
    /// (``Scheduler/packs(_:steps:limit:)``), nor therefore any plan holding more.
    ///
    /// `larger` are courses that may stand in for any of them (each at least as large in every budgeted
    /// amount as the largest of `courses`): no more than `courses.count - 1` of them all together.
    mutating func forbid(together courses: [Int], orLarger larger: [Int] = []) {
        let members = Set(courses + larger)
        let columns = slots.filter { members.contains($0.course) }.map { ($0.column, 1.0) }
        guard columns.count >= courses.count else { return }
        milp.addRow(columns, upper: Double(courses.count - 1))
    }

    /// Excludes every solution that takes all of `courses` and at least `count` of `members` (none of them among
    /// `courses`): a family of sets no plan can hold, each as large in every budgeted amount as one that no plan
    /// can hold (``Planner``'s unpackable core with `count` of its courses swapped for others of their size).
    ///
    /// One row: with m = (members - count + 1), m * (courses taken) + (members taken) <= m * courses.count + count - 1.
    /// With every one of `courses` taken, it allows count - 1 members; with one left out, all of them.
    mutating func forbid(together courses: [Int], andAtLeast count: Int, of members: [Int]) {
        let inRest = Set(courses)
        let memberSet = Set(members.filter { !inRest.contains($0) })
        let memberSlots = slots.filter { memberSet.contains($0.course) }
        let taken = Set(memberSlots.map(\.course)).count
        guard count > 0, taken >= count else { return }
        let m = Double(taken - count + 1)
        let restSlots = slots.filter { inRest.contains($0.course) }
        // A course of `courses` that cannot be taken leaves nothing to exclude.
        guard Set(restSlots.map(\.course)).count == inRest.count else { return }
        milp.addRow(restSlots.map { ($0.column, m) } + memberSlots.map { ($0.column, 1.0) }, upper: m * Double(inRest.count) + Double(count - 1))
    }

    /// How one stage ended: its best solution as a plan (nil: none), and CBC's solution.
    private enum Stage {
        case optimal(Choice, MILPSolution)
        case infeasible
        case stopped(Choice?, MILPSolution?)
    }

    /// Solves within `timeLimit` seconds; `start`, a plan known already, is what a solve stopped
    /// before finding a cheaper one returns.
    ///
    /// Under yearly budgets the program without them is solved first (a third of the time at most): its
    /// optimum bounds this one's from below, and its plan is this one's optimum when it fits the budgets.
    /// Each stage then looks only for solutions better than the best known one (CBC's cutoff), so that
    /// "infeasible" proves the known one optimal.
    ///
    /// `floor`, when given, is a price no plan's chosen courses go below (the search's tables, which
    /// count credits in their real steps, where the linear relaxation spreads them thin): the cost is
    /// held at or above its cost and, at that cost, the hours at or above its hours. A plan that
    /// reaches it is proven optimal at once.
    func solve(timeLimit: Double, start: Choice?, floor: PlanPrice? = nil) -> Outcome {
        let clock = ContinuousClock()
        let began = clock.now
        func left() -> Double {
            timeLimit - (clock.now - began).seconds
        }
        // The same plan without yearly budgets first: far easier (no packing of courses into years), its optimum
        // is a floor for this one's, and when its plan fits the budgets as it is, that plan is this one's optimum.
        var costFloor: Double?
        var hoursFloor: Double?
        let budgeted = scheduling && (problem.hoursPerYear != nil || problem.moneyPerYear != nil)
        if budgeted {
            var unbudgeted = problem
            unbudgeted.hoursPerYear = nil
            unbudgeted.moneyPerYear = nil
            // A third of the time at most: what is left is for this program, which must still find a plan.
            // A plan known is a plan of the program without budgets too: its cost is a cutoff there as well.
            var unbudgetedModel = PlanModel(problem: unbudgeted)
            unbudgetedModel.usesRelaxation = usesRelaxation
            unbudgetedModel.usesCBC = usesCBC
            let relaxed = unbudgetedModel.solve(timeLimit: left() / 3, start: start)
            switch relaxed {
            case .infeasible:
                return .infeasible
            case .optimal(let choice):
                var steps = 0
                if let quarters = scheduler.schedule(choice.selection, steps: &steps, limit: 100_000) {
                    return .optimal(Choice(selection: choice.selection, quarters: quarters))
                }
                costFloor = choice.selection.reduce(0) { $0 + cents[$1] }
                hoursFloor = choice.selection.reduce(0) { $0 + hundredths[$1] }
            case .stopped(_, let costBound, let hoursBound):
                costFloor = costBound * 100
                hoursFloor = hoursBound.map { $0 * 100 }
            }
        }
        // The larger of the two floors; at equal cost, each one's hours bound the hours.
        if let floor, floor.cost.isFinite, floor.hours.isFinite {
            let cost = wholeCents ? (floor.cost * 100 - 1e-4).rounded(.up) : floor.cost * 100 - 1e-6
            let hours = wholeHundredths ? (floor.hours * 100 - 1e-4).rounded(.up) : floor.hours * 100 - 1e-6
            if costFloor.map({ cost > $0 + 1e-6 }) ?? true {
                costFloor = cost
                hoursFloor = hours
            } else if let known = costFloor, abs(known - cost) < 1e-6 {
                hoursFloor = max(hoursFloor ?? 0, hours)
            }
        }
        var costProgram = milp
        for slot in slots { costProgram.setObjective(slot.column, cents[slot.course]) }
        if let costFloor, costFloor > 0 {
            costProgram.addRow(slots.map { ($0.column, cents[$0.course]) }, lower: wholeCents ? (costFloor - 1e-6).rounded(.up) : costFloor - 1e-6)
        }
        let cheapest: Choice
        let least: Double
        // A known plan's cost, less a cent: CBC looks only for cheaper plans, so "infeasible" proves the known one cheapest.
        let knownCents = start.map { $0.selection.reduce(0) { $0 + cents[$1] } }
        // A known plan at the floor is the cheapest: no solve needed.
        let atFloor = wholeCents && (knownCents.flatMap { known in costFloor.map { known <= $0 + 1e-6 } } ?? false)
        switch atFloor ? .infeasible : stage(costProgram, timeLimit: left(), cutoff: wholeCents ? knownCents.map { $0 - 0.5 } : nil) {
        case .infeasible:
            if wholeCents, let start, let knownCents {
                cheapest = start
                least = knownCents
                break
            }
            return .infeasible
        case .stopped(let found, let solution):
            let best = found.map { cheaper($0, start) } ?? start
            // In whole cents no plan costs a fraction of a cent less than the next whole cent.
            let bound = max(solution.map { wholeCents ? ($0.bound - 1e-6).rounded(.up) : $0.bound } ?? 0, costFloor ?? 0)
            return .stopped(best: best, costBound: max(0, bound / 100), hoursBound: nil)
        case .optimal(let found, let solution):
            cheapest = found
            least = solution.objective
        }
        // The cost held at its optimum: exactly, when every cost is whole cents.
        var hoursProgram = milp
        // The cost held at its optimum, from both sides (no plan costs less): in whole cents an equation over the
        // costs' common step (five dollars in the generated catalogs), which CBC's preprocessing can use.
        if wholeCents {
            hoursProgram.addAmountRow(slots.map { ($0.column, cents[$0.course] / 100) }, lower: least / 100 - Planner.tolerance,
                                      upper: least / 100 + Planner.tolerance)
        } else {
            hoursProgram.addRow(slots.map { ($0.column, cents[$0.course]) }, upper: least + 1e-6)
        }
        for slot in slots { hoursProgram.setObjective(slot.column, hundredths[slot.course]) }
        // The plans without budgets, or the tables' coverings, that cost as little have no fewer hours than these.
        let hoursAtLeast = costFloor.flatMap { abs($0 - least) < 1e-6 ? hoursFloor : nil } ?? 0
        if hoursAtLeast > 0 {
            hoursProgram.addRow(slots.map { ($0.column, hundredths[$0.course]) }, lower: wholeHundredths ? (hoursAtLeast - 1e-6).rounded(.up) : hoursAtLeast - 1e-6)
        }
        // The cheapest plan's hours, less a step: "infeasible" then proves it has the fewest.
        let knownHours = cheapest.selection.reduce(0) { $0 + hundredths[$1] }
        if knownHours <= hoursAtLeast + 1e-6 { return .optimal(cheapest) }
        switch stage(hoursProgram, timeLimit: left(), cutoff: knownHours - (wholeHundredths ? 0.5 : 1e-4)) {
        case .optimal(let found, _):
            return .optimal(found)
        case .infeasible:
            return .optimal(cheapest)
        case .stopped(let found, let solution):
            let bound = max((solution?.bound ?? 0) - (wholeHundredths ? 1e-6 : 0), hoursAtLeast)
            return .stopped(best: found ?? cheapest, costBound: least / 100, hoursBound: max(0, (wholeHundredths ? bound.rounded(.up) : bound) / 100))
        }
    }

    /// Solves `program` and reads the plan off CBC's best solution.
    ///
    /// The linear relaxation first, with Clp (``MILP/relaxation(timeLimit:cutoff:)``): when it settles the
    /// program (no solution, or an optimum that takes whole courses) CBC is not asked: a linear program is solved
    /// in a fraction of the time CBC's branch and cut takes to set up its cuts and search.
    private func stage(_ program: MILP, timeLimit: Double, cutoff: Double? = nil) -> Stage {
        let clock = ContinuousClock()
        let began = clock.now
        if usesRelaxation, let settled = program.relaxation(timeLimit: timeLimit, cutoff: cutoff) {
            if settled.status == .infeasible { return .infeasible }
            if settled.status == .optimal { return .optimal(choice(settled.values), settled) }
        }
        guard usesCBC else { return .stopped(nil, nil) }
        // CBC gets what the relaxation left of the stage's time, not the whole of it again.
        guard let solution = program.solve(timeLimit: timeLimit - (clock.now - began).seconds, cutoff: cutoff) else { return .stopped(nil, nil) }
        switch solution.status {
        case .infeasible:
            return .infeasible
        case .stopped:
            return .stopped(solution.values.isEmpty ? nil : choice(solution.values), solution)
        case .optimal:
            return .optimal(choice(solution.values), solution)
        }
    }

    /// The courses a solution takes, each placed as early as its prerequisites and entry levels allow
    /// within the calendar year (or cycle) of its slot. The solution's own quarters already keep every
    /// rule; the earliest placement within the same years keeps them too, and reads better.
    func choice(_ values: [Double]) -> Choice {
        let chosen = slots.filter { values[$0.column] > 0.5 }.sorted { $0.course < $1.course }
        let selection = chosen.map(\.course)
        // The selection alone: its quarters are the ``Scheduler``'s to find.
        guard scheduling else { return Choice(selection: selection, quarters: Array(repeating: 0, count: selection.count)) }
        let budgeted = problem.hoursPerYear != nil || problem.moneyPerYear != nil
        let whole = 0...max(0, problem.quarters.count - 1)
        let ranges = chosen.map { slot in
            budgeted ? scheduler.years.first { $0.contains(slot.quarters.lowerBound) } ?? slot.quarters : whole
        }
        let quarters = scheduler.place(selection, within: ranges) ?? chosen.map(\.quarters.lowerBound)
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
