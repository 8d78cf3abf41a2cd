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
    /// Minimum credits by category (e.g. ethics), the whole cycle's.
    public var minimums: [String: Double]
    /// Maximum counted credits by category, the whole cycle's.
    public var caps: [String: Double]
    /// Courses already completed, for prerequisites.
    public var completed: Set<String>
    /// The quarters courses may be scheduled in, in order.
    public var quarters: [Quarter]
    /// Contact hours per calendar year, when budgeted.
    public var hoursPerYear: Double?
    /// Money per calendar year, when budgeted.
    public var moneyPerYear: Double?

    /// Creates a problem from its parts; ``init(therapist:catalogs:requirements:gaps:today:)`` builds one
    /// from documents.
    public init(courses: [Course], levels: [String: CompetencyLevel], gaps: [Gap], credits: Double, earned: [String: Double],
                total: Double, minimums: [String: Double], caps: [String: Double], completed: Set<String>, quarters: [Quarter],
                hoursPerYear: Double?, moneyPerYear: Double?) {
        self.courses = courses
        self.levels = levels
        self.gaps = gaps
        self.credits = credits
        self.earned = earned
        self.total = total
        self.minimums = minimums
        self.caps = caps
        self.completed = completed
        self.quarters = quarters
        self.hoursPerYear = hoursPerYear
        self.moneyPerYear = moneyPerYear
    }

    /// Credits counted toward the total: each category's credits, capped.
    func counted(_ byCategory: [String: Double]) -> Double {
        byCategory.reduce(0) { $0 + min($1.value, caps[$1.key] ?? .infinity) }
    }
}

extension PlanningProblem {
    /// The problem for `therapist`, planning from the quarter containing `today` to the cycle's end.
    public init(therapist: Therapist, catalogs: [Catalog], requirements: RecertificationRequirements, gaps: [Gap],
                today: CalendarDate) {
        let credential = therapist.credential
        let completed = Set(therapist.completed.compactMap(\.course))
        var seen = Set<String>()
        courses = catalogs.flatMap(\.courses).filter { !completed.contains($0.id) && seen.insert($0.id).inserted }
        levels = therapist.levels
        self.gaps = gaps
        var earned: [String: Double] = [:]
        for entry in therapist.completed where entry.date >= credential.cycleStart && entry.date <= credential.cycleEnd {
            earned[entry.category, default: 0] += entry.credits
        }
        self.earned = earned
        total = requirements.totalCredits
        minimums = Dictionary(requirements.minimums.map { ($0.category, $0.credits) }, uniquingKeysWith: max)
        caps = Dictionary(requirements.caps.map { ($0.category, $0.credits) }, uniquingKeysWith: min)
        self.completed = completed
        credits = 0
        var quarter = max(Quarter(containing: today), Quarter(containing: credential.cycleStart))
        let last = Quarter(containing: credential.cycleEnd)
        var quarters: [Quarter] = []
        while quarter <= last, quarters.count < 400 {  // 400 quarters: a century, far beyond any cycle
            quarters.append(quarter)
            quarter = quarter.next
        }
        self.quarters = quarters
        hoursPerYear = therapist.budget?.hoursPerYear
        moneyPerYear = therapist.budget?.moneyPerYear
        credits = max(0, total - counted(earned))
    }
}
