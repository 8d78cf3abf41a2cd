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
    /// The hours and money the pinned training takes in each of `years`: what the chosen courses cannot use.
    let pinnedHours: [Double]
    let pinnedMoney: [Double]
    /// Courses pinned for the first time, by id: the first quarter index a course needing them may start in.
    let pinnedPrerequisites: [String: Int]
    /// Each of `years`' budgets less the pinned training: the room the chosen courses share.
    let rooms: [YearRoom]

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
        // Worked out once here: `schedule` runs at every search node that meets the static constraints.
        let pinned = problem.pinnedByYear
        pinnedHours = years.map { pinned[problem.quarters[$0.lowerBound].year]?.hours ?? 0 }
        pinnedMoney = years.map { pinned[problem.quarters[$0.lowerBound].year]?.money ?? 0 }
        pinnedPrerequisites = problem.pinnedPrerequisites
        rooms = zip(pinnedHours, pinnedMoney).map { hours, money in
            YearRoom(hours: (problem.hoursPerYear ?? .infinity) - hours, money: (problem.moneyPerYear ?? .infinity) - money)
        }
    }

    /// The quarter index of each selected course (same order as `selection`), or nil when none fits.
    ///
    /// Courses linked by a prerequisite or an entry level within the selection are given years by
    /// search and placed as early as their links allow; the rest can go in any quarter of their year,
    /// so for them the question is packing hours and money into the years' budgets, where years
    /// with the same room left are interchangeable. The selection must already meet the static
    /// constraints (``Planner/meetsStaticConstraints(_:_:)``): every prerequisite and entry level
    /// is then within reach of the selection, which is what makes an unlinked course free.
    func schedule(_ selection: [Int]) -> [Int]? {
        var steps = 0
        return schedule(selection, steps: &steps, limit: .max)
    }

    /// ``schedule(_:)`` counting its search steps into `steps`; gives up (nil) once they pass `limit`.
    func schedule(_ selection: [Int], steps: inout Int, limit: Int) -> [Int]? {
        guard !problem.quarters.isEmpty else { return selection.isEmpty ? [] : nil }
        let whole = 0...(problem.quarters.count - 1)
        guard problem.hoursPerYear != nil || problem.moneyPerYear != nil else {
            return place(selection, within: Array(repeating: whole, count: selection.count))
        }
        let hourLimit = problem.hoursPerYear ?? .infinity
        let moneyLimit = problem.moneyPerYear ?? .infinity
        let courses = selection.map { problem.courses[$0] }
        // Pinned training comes first: each year's room starts with what it leaves.
        guard courses.reduce(0, { $0 + $1.hours }) + pinnedHours.reduce(0, +) <= hourLimit * Double(years.count) + Planner.tolerance,
              courses.reduce(0, { $0 + $1.cost }) + pinnedMoney.reduce(0, +) <= moneyLimit * Double(years.count) + Planner.tolerance
        else { return nil }
        // Packing every course as if unlinked is a relaxation: if even that fails, nothing fits.
        let byWeight = selection.indices.sorted { (courses[$0].hours, courses[$0].cost) > (courses[$1].hours, courses[$1].cost) }
        guard let relaxed = pack(byWeight, courses, hours: pinnedHours, money: pinnedMoney, hourLimit: hourLimit, moneyLimit: moneyLimit,
                                 steps: &steps, limit: limit) else {
            return nil
        }
        guard let links = links(selection) else { return nil }
        let linked = links.linked
        if linked.isEmpty {
            var at = Array(repeating: 0, count: selection.count)
            for (position, year) in zip(byWeight, relaxed) { at[position] = years[year].lowerBound }
            return at
        }
        let dependent = selection.indices.filter { linked.contains($0) }
            .sorted { courses[$0].hours > courses[$1].hours }
        let free = selection.indices.filter { !linked.contains($0) }.sorted { (courses[$0].hours, courses[$0].cost) > (courses[$1].hours, courses[$1].cost) }
        var ranges = Array(repeating: whole, count: selection.count)
        var hours = pinnedHours
        var money = pinnedMoney

        func assignLinked(_ k: Int) -> [Int]? {
            steps += 1
            if steps > limit { return nil }
            if k == dependent.count {
                guard var at = place(selection, within: ranges, links: links) else { return nil }
                guard let bins = pack(free, courses, hours: hours, money: money, hourLimit: hourLimit, moneyLimit: moneyLimit,
                                      steps: &steps, limit: limit) else { return nil }
                for (position, year) in zip(free, bins) { at[position] = years[year].lowerBound }
                return at
            }
            let position = dependent[k]
            for year in years.indices where years[year].upperBound >= links.notBefore[position] {
                guard hours[year] + courses[position].hours <= hourLimit + Planner.tolerance,
                      money[year] + courses[position].cost <= moneyLimit + Planner.tolerance else { continue }
                hours[year] += courses[position].hours
                money[year] += courses[position].cost
                ranges[position] = years[year]
                if let placed = assignLinked(k + 1) { return placed }
                hours[year] -= courses[position].hours
                money[year] -= courses[position].cost
            }
            ranges[position] = whole
            return nil
        }
        return assignLinked(0)
    }

    /// Whether `selection`'s hours and money fit the years' budgets, each course in some year and
    /// nothing else asked (no quarter, no order): a relaxation of placing them, so `false` means no
    /// plan holds all of them, nor any plan holding more. Nil when `limit` steps did not settle it.
    func packs(_ selection: [Int], steps: inout Int, limit: Int) -> Bool? {
        guard problem.hoursPerYear != nil || problem.moneyPerYear != nil else { return true }
        let courses = selection.map { problem.courses[$0] }
        let byWeight = selection.indices.sorted { (courses[$0].hours, courses[$0].cost) > (courses[$1].hours, courses[$1].cost) }
        let before = steps
        if pack(byWeight, courses, hours: pinnedHours, money: pinnedMoney, hourLimit: problem.hoursPerYear ?? .infinity,
                moneyLimit: problem.moneyPerYear ?? .infinity, steps: &steps, limit: before + limit) != nil { return true }
        return steps > before + limit ? nil : false
    }

    /// A year for each free course within the budgets' room, or nil: an exact search where years
    /// with the same room left are tried once, rooms already found hopeless are remembered, and a
    /// branch stops once the room that could still hold a course is less than the courses left need.
    /// `items` come largest first, so rooms left too small for every later course show up early.
    private func pack(_ items: [Int], _ courses: [Course], hours: [Double], money: [Double], hourLimit: Double,
                      moneyLimit: Double, steps: inout Int, limit: Int) -> [Int]? {
        var room = years.indices.map { YearRoom(hours: hourLimit - hours[$0], money: moneyLimit - money[$0]) }
        var choice = Array(repeating: 0, count: items.count)
        // From each item on: the hours and money still to place, and the smallest single course.
        var hoursLeft = Array(repeating: 0.0, count: items.count + 1)
        var moneyLeft = hoursLeft
        var smallestHours = Array(repeating: Double.infinity, count: items.count + 1)
        var smallestMoney = smallestHours
        for k in stride(from: items.count - 1, through: 0, by: -1) {
            let course = courses[items[k]]
            hoursLeft[k] = hoursLeft[k + 1] + course.hours
            moneyLeft[k] = moneyLeft[k + 1] + course.cost
            smallestHours[k] = min(smallestHours[k + 1], course.hours)
            smallestMoney[k] = min(smallestMoney[k + 1], course.cost)
        }
        // Rooms as whole thousandths of an hour and hundredths of money: an unbounded limit stays out of the key.
        func units(_ value: Double, _ scale: Double) -> Int { value.isFinite ? Int((value * scale).rounded()) : 0 }
        var hopeless = Set<[Int]>()
        var count = steps
        defer { steps = count }
        func fill(_ k: Int) -> Bool {
            count += 1
            if count > limit { return false }
            if k == items.count { return true }
            // Room too small for every course left is lost: what remains must fit in the rest.
            var usableHours = 0.0
            var usableMoney = 0.0
            for left in room
            where left.hours + Planner.tolerance >= smallestHours[k] && left.money + Planner.tolerance >= smallestMoney[k] {
                usableHours += left.hours
                usableMoney += left.money
            }
            guard usableHours + Planner.tolerance >= hoursLeft[k], usableMoney + Planner.tolerance >= moneyLeft[k] else { return false }
            let rooms = room.map { (units($0.hours, 1000), units($0.money, 100)) }.sorted { $0 < $1 }
            let state = [k] + rooms.flatMap { [$0.0, $0.1] }
            if hopeless.contains(state) { return false }
            let course = courses[items[k]]
            var tried: [YearRoom] = []
            for year in room.indices {
                let left = room[year]
                guard left.holds(course), !tried.contains(where: left.isSame) else { continue }
                tried.append(left)
                room[year] = left.taking(course)
                choice[k] = year
                if fill(k + 1) { return true }
                room[year] = left
            }
            hopeless.insert(state)
            return false
        }
        return fill(0) ? choice : nil
    }

    /// For each selected course: the positions of its prerequisites, for each entry level it needs,
    /// the positions of the courses that bring it, and the first quarter a pinned prerequisite allows.
    /// Nil when a prerequisite or entry level is out of the selection's reach.
    struct Links {
        var prerequisites: [[Int]]
        var providers: [[[Int]]]
        var notBefore: [Int]

        /// Positions of courses linked to another by a prerequisite or an entry level, or held back by
        /// a pinned prerequisite; the rest are free to go anywhere in their year.
        var linked: Set<Int> {
            var linked = Set<Int>()
            for k in prerequisites.indices {
                let others = prerequisites[k] + providers[k].flatMap { $0 }
                if !others.isEmpty || notBefore[k] > 0 { linked.insert(k) }
                linked.formUnion(others)
            }
            return linked
        }
    }

    func links(_ selection: [Int]) -> Links? {
        let position = Dictionary(selection.enumerated().map { (problem.courses[$0.element].id, $0.offset) },
                                  uniquingKeysWith: { first, _ in first })
        var links = Links(prerequisites: [], providers: [], notBefore: [])
        for index in selection {
            let course = problem.courses[index]
            var prerequisites: [Int] = []
            var notBefore = 0
            for prerequisite in course.prerequisites where !problem.completed.contains(prerequisite) {
                if let available = pinnedPrerequisites[prerequisite] {
                    notBefore = max(notBefore, available)
                    continue
                }
                guard let p = position[prerequisite] else { return nil }
                prerequisites.append(p)
            }
            var needs: [[Int]] = []
            for outcome in course.outcomes {
                guard let entry = outcome.entry, problem.levels[outcome.area].map({ $0 < entry }) ?? true else { continue }
                let providers = selection.indices.filter { p in
                    problem.courses[selection[p]].outcomes.contains { $0.area == outcome.area && $0.level >= entry }
                }
                if providers.isEmpty { return nil }
                needs.append(providers)
            }
            links.prerequisites.append(prerequisites)
            links.providers.append(needs)
            links.notBefore.append(notBefore)
        }
        return links
    }

    /// Earliest quarters for `selection`, each within its range; nil when one cannot fit.
    func place(_ selection: [Int], within ranges: [ClosedRange<Int>], links known: Links? = nil) -> [Int]? {
        guard let links = known ?? links(selection) else { return nil }
        let unplaced = Int.max
        var at = Array(repeating: unplaced, count: selection.count)
        var changed = true
        // A monotone fixpoint: each pass can only move a course earlier, so it ends.
        while changed {
            changed = false
            for k in selection.indices {
                var earliest = max(ranges[k].lowerBound, links.notBefore[k])
                var ready = true
                for p in links.prerequisites[k] {
                    guard at[p] != unplaced else { ready = false; break }
                    earliest = max(earliest, at[p] + 1)
                }
                if ready {
                    for providers in links.providers[k] {
                        guard let soonest = providers.lazy.filter({ at[$0] != unplaced }).map({ at[$0] + 1 }).min() else {
                            ready = false
                            break
                        }
                        earliest = max(earliest, soonest)
                    }
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
