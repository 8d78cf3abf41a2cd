import TacetDocuments

/// Everything the planner needs for one therapist, reduced to what remains to be done.
public struct PlanningProblem: Sendable {
    /// Courses the therapist may take (the catalog less what they completed).
    public var courses: [Course]
    /// The therapist's levels now.
    public var levels: [String: CompetencyLevel]
    /// The areas to raise.
    public var gaps: [Gap]
    /// Credits still needed in the cycle, counted with caps; 0 when earned already.
    public var credits: Double
    /// Credits already earned in the cycle, by category (for caps and minimums).
    public var earned: [String: Double]
    /// The cycle's total, minimums and caps.
    public var total: Double
    /// Minimum credits the whole cycle needs, in a category or in a topic within one (CBMT's 3 ethics
    /// credits within Continuing Music Therapy Education).
    public var minimums: [CategoryCredits]
    /// Credits already earned toward each of `minimums`, in its order (pinned training's included).
    public var earnedTowardMinimums: [Double]
    /// Maximum counted credits by category, the whole cycle's.
    public var caps: [String: Double]
    /// Courses already completed, for prerequisites; with them, ``metByLevel``.
    public var completed: Set<String>
    /// Courses that are some course's prerequisite and that bring the therapist nothing they lack
    /// (``isBelowLevel(_:)``): counted as completed for prerequisites, since the therapist already holds what
    /// they teach; the plan's reasons say so on the courses that need them.
    public var metByLevel: Set<String> = []
    /// The quarters courses may be scheduled in, in order.
    public var quarters: [Quarter]
    /// Contact hours per calendar year, when budgeted.
    public var hoursPerYear: Double?
    /// Money per calendar year, when budgeted.
    public var moneyPerYear: Double?
    /// Required training taken in fixed quarters; their first takes' credits are already in `earned`.
    public var pinned: [PinnedCourse] = []
    /// Courses (professional activities) whose credit value the Requirements mark as an assumption, by id:
    /// the plan's reasons say so, since a supervisor would otherwise take the figure as the body's.
    public var assumedCredits: Set<String> = []
    /// Why required training cannot be kept current by any plan (empty: it can).
    public var trainingProblems: [String] = []
    /// Catalog courses left out because the therapist already holds every level they bring
    /// (``isBelowLevel(_:)``); empty when the problem allows them.
    public var belowLevel: [Course] = []

    /// Creates a problem from its parts; ``init(therapist:catalogs:requirements:gaps:today:)`` builds one
    /// from documents.
    /// `earnedTowardMinimums` defaults to what `earned` holds in each minimum's category (nothing toward a
    /// topic's minimum, which `earned` cannot tell).
    public init(courses: [Course], levels: [String: CompetencyLevel], gaps: [Gap], credits: Double, earned: [String: Double],
                total: Double, minimums: [CategoryCredits], earnedTowardMinimums: [Double]? = nil, caps: [String: Double],
                completed: Set<String>, quarters: [Quarter], hoursPerYear: Double?, moneyPerYear: Double?) {
        self.courses = courses
        self.levels = levels
        self.gaps = gaps
        self.credits = credits
        self.earned = earned
        self.total = total
        self.minimums = minimums
        self.earnedTowardMinimums = earnedTowardMinimums ?? minimums.map { $0.topic == nil ? earned[$0.category] ?? 0 : 0 }
        self.caps = caps
        self.completed = completed
        self.quarters = quarters
        self.hoursPerYear = hoursPerYear
        self.moneyPerYear = moneyPerYear
    }

    /// Whether `course` counts toward one of the Requirements' credit minimums (a category's, or a topic's
    /// within one, such as CBMT's ethics) that the credits earned (pinned training's included) do not meet
    /// yet: such a course stays eligible whatever the therapist's levels. The test is per course, not per
    /// credit still missing: while 3 ethics credits are missing, every below-level ethics course stays, and
    /// the planner's cost keeps it from taking more of them than the minimum needs unless they are cheapest.
    public func countsTowardMinimum(_ course: Course) -> Bool {
        minimums.indices.contains { counts(course, toward: $0) && !Amounts.reaches(earnedToward($0), minimums[$0].credits) }
    }

    /// Credits earned toward `minimums[index]` (0 should the two lists ever differ in length).
    func earnedToward(_ index: Int) -> Double {
        earnedTowardMinimums.indices.contains(index) ? earnedTowardMinimums[index] : 0
    }

    /// Whether `course` brings the therapist nothing they lack: it has level outcomes, and each is in an
    /// area where the therapist's current level is already at or above the outcome's level. A course
    /// without outcomes, or with one in an area where the therapist has no level, is not below level.
    public func isBelowLevel(_ course: Course) -> Bool {
        course.bringsNothingBeyond(levels)
    }

    /// Credits counted toward the total: each category's credits, capped.
    func counted(_ byCategory: [String: Double]) -> Double {
        byCategory.reduce(0) { $0 + min($1.value, caps[$1.key] ?? .infinity) }
    }

    /// Whether `course`'s credits count toward `minimums[index]`.
    func counts(_ course: Course, toward index: Int) -> Bool {
        minimums[index].counts(category: course.category, topics: course.topics)
    }

    /// Courses pinned for the first time, by id: the first quarter index a course needing them may start in.
    var pinnedPrerequisites: [String: Int] {
        Dictionary(pinned.filter { !$0.renewal }.map { ($0.course.id, $0.quarter + 1) }, uniquingKeysWith: min)
    }

    /// Hours and money the pinned courses take in each calendar year.
    var pinnedByYear: [Int: (hours: Double, money: Double)] {
        var years: [Int: (hours: Double, money: Double)] = [:]
        for item in pinned {
            let year = quarters[item.quarter].year
            years[year] = ((years[year]?.hours ?? 0) + item.course.hours, (years[year]?.money ?? 0) + item.course.cost)
        }
        return years
    }
}

extension PlanningProblem {
    /// The problem for `therapist`, planning from the quarter containing `today` to the cycle's end,
    /// with `trainings` kept current throughout (see ``pinned``); nil for a therapist with no credential.
    ///
    /// Unless `allowingBelowLevel`, courses below the therapist's level (``isBelowLevel(_:)``) are left
    /// out (``belowLevel``), except those that count toward a minimum not met yet (``countsTowardMinimum(_:)``):
    /// a supervisor would not sign a plan that fills credits with foundations the therapist is past.
    /// Required training is pinned whatever its level.
    public init?(therapist: Therapist, catalogs: [Catalog], requirements: RecertificationRequirements, gaps: [Gap],
                 trainings: [TrainingNeed] = [], today: CalendarDate, allowingBelowLevel: Bool = false) {
        guard let credential = therapist.credential else { return nil }
        let completed = Set(therapist.completed.compactMap(\.course))
        var seen = Set<String>()
        courses = catalogs.flatMap(\.courses).filter { !completed.contains($0.id) && seen.insert($0.id).inserted }
        // Professional activities are planned only where the profile opens them, once a cycle.
        let inCycle = therapist.completed.filter { $0.date >= credential.cycleStart && $0.date <= credential.cycleEnd }
        let done = Set(inCycle.compactMap(\.activity))
        courses += requirements.activities.filter { therapist.activities.contains($0.id) && !done.contains($0.id) && seen.insert($0.id).inserted }
            .map(\.asCourse)
        assumedCredits = Set(requirements.activities.filter { requirements.isAssumption($0.cite) }.map(\.id))
        levels = therapist.levels
        self.gaps = gaps
        var earned: [String: Double] = [:]
        for entry in inCycle { earned[entry.category, default: 0] += entry.credits }
        self.earned = earned
        total = requirements.totalCredits
        minimums = requirements.minimums
        let catalogTopics = Dictionary(catalogs.flatMap(\.courses).map { ($0.id, $0.topics) }, uniquingKeysWith: { first, _ in first })
        earnedTowardMinimums = requirements.minimums.map { minimum in
            inCycle.filter { entry in
                minimum.counts(category: entry.category, topics: entry.countedTopics { catalogTopics[$0] })
            }.reduce(0) { $0 + $1.credits }
        }
        caps = Dictionary(requirements.caps.map { ($0.category, $0.credits) }, uniquingKeysWith: min)
        self.completed = completed
        credits = 0
        var quarter = max(Quarter(containing: today), Quarter(containing: credential.cycleStart))
        // Only quarters that end within the cycle: credits earned after its last day do not count.
        let last = Quarter.lastEnding(by: credential.cycleEnd)
        var quarters: [Quarter] = []
        while quarter <= last, quarters.count < 400 {  // 400 quarters: a century, far beyond any cycle
            quarters.append(quarter)
            quarter = quarter.next
        }
        self.quarters = quarters
        hoursPerYear = therapist.budget?.hoursPerYear
        moneyPerYear = therapist.budget?.moneyPerYear
        pinTrainings(trainings, of: therapist, catalogs: catalogs, repeatsEarnCredits: requirements.repeatsEarnCredits, today: today)
        courses.removeAll { course in pinned.contains { $0.course.id == course.id } }
        for item in pinned where item.countsCredits {
            earned[item.course.category, default: 0] += item.course.credits
            for index in minimums.indices where counts(item.course, toward: index) { earnedTowardMinimums[index] += item.course.credits }
        }
        // The local total, pinned training's first takes included, is the one the planner counts from.
        self.earned = earned
        if !allowingBelowLevel {
            // Left out here, where the problem is made: the search, the solver's model and the tests' reference see one course list.
            let left = Set(courses.filter { isBelowLevel($0) && !countsTowardMinimum($0) }.map(\.id))
            belowLevel = courses.filter { left.contains($0.id) }
            courses.removeAll { left.contains($0.id) }
        }
        // A prerequisite the therapist is past is met, planned or not: a course that needs it may start without it.
        let required = Set(catalogs.flatMap(\.courses).flatMap(\.prerequisites))
        metByLevel = Set(catalogs.flatMap(\.courses).filter { required.contains($0.id) && isBelowLevel($0) }.map(\.id))
            .subtracting(self.completed)
        self.completed.formUnion(metByLevel)
        credits = max(0, total - counted(earned))
    }

    /// Pins each required training in the quarters that keep it current from `today` to the cycle's
    /// end, or records why no plan by quarters can.
    private mutating func pinTrainings(_ needs: [TrainingNeed], of therapist: Therapist, catalogs: [Catalog],
                                       repeatsEarnCredits: Bool, today: CalendarDate) {
        guard let credential = therapist.credential else { return }
        let from = max(today, credential.cycleStart)
        guard let start = quarters.first, from <= credential.cycleEnd else { return }
        let catalog = Dictionary(catalogs.flatMap(\.courses).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for need in needs {
            guard let course = catalog[need.course] else { continue }  // reported on the workflow step
            let completions = therapist.completed.filter { $0.course == need.course }.map(\.date)
            var timeline = TrainingTimeline(completions: completions, planned: [], renewalMonths: course.renewalMonths)
            let why = need.reasons.joined(separator: "; ")
            while let lapse = timeline.firstLapse(from: from, through: credential.cycleEnd) {
                // Renewed in the last quarter that ends by the lapse, so that any day of it keeps the training current
                // (``TrainingTimeline``); a lapse in the plan's first quarter, or before it, is renewed in that quarter.
                let quarter = min(max(Quarter.lastEnding(by: lapse), start), quarters.last ?? start)
                guard let index = quarters.firstIndex(of: quarter), !timeline.planned.contains(quarter) else {
                    trainingProblems.append("\(need.course): it lapses \(course.renewalMonths.map { "every \($0) months" } ?? ""), "
                                            + "sooner than a plan by quarters can renew it")
                    break
                }
                let renewal = !completions.isEmpty || !timeline.planned.isEmpty
                if !renewal {
                    let missing = course.prerequisites.filter { !completed.contains($0) }
                    let entries = course.outcomes.compactMap { outcome -> String? in
                        guard let entry = outcome.entry, levels[outcome.area].map({ $0 < entry }) ?? true else { return nil }
                        return "\(outcome.area) at \(entry.rawValue)"
                    }
                    if !missing.isEmpty || !entries.isEmpty {
                        trainingProblems.append("\(need.course): needed now (\(why)), but it needs "
                                                + (missing.map { "'\($0)'" } + entries).joined(separator: " and ") + " first")
                        break
                    }
                }
                timeline.planned.append(quarter)
                let counts = !renewal || repeatsEarnCredits
                let months = course.renewalMonths ?? 0
                let source = completions.first { $0.adding(months: months) == lapse }.map { "completed \($0), valid \(months) months" }
                    ?? timeline.planned.dropLast().first { $0.firstDay.adding(months: months) == lapse }
                        .map { "\(months) months from the start of \($0), when the plan renews it" }
                // Only the plan's first quarter can run past the lapse (a renewal goes in a quarter that ends by it).
                let by = quarter.lastDay > lapse ? "; take it before \(lapse), which falls in this quarter" : ""
                var reasons = [renewal ? "renews '\(need.course)' before it lapses on \(lapse) (\(source ?? "\(months)-month renewal"))\(by): needed \(why)"
                                       : "training the policy requires before AI use, not yet held: needed \(why)"]
                reasons.append(counts ? "\(Amounts.format(course.credits)) credits toward the cycle's \(Amounts.format(total))"
                                      : "a repeat: earns no further credits (repeatsEarnCredits is false in the Requirements)")
                pinned.append(PinnedCourse(course: course, quarter: index, renewal: renewal, countsCredits: counts, reasons: reasons))
            }
        }
    }
}
