import TacetDocuments
import TacetPlanning
import TacetTestSupport

/// Random planning problems, reproducible from a seed, for the planner's tests and PlanBench.
///
/// Built to hold the cases a small catalog of independent courses never shows (issue 19), every
/// amount a whole number of hundredths so an exact reference can count in integers:
///
/// - **Catalog size**: ``Settings/courses`` (default 8...40; `300...300` or `1000...1000` for
///   large catalogs), over ``Settings/areas`` competency areas (default: one per 8 courses, 2 to 12).
/// - **Level ladders**: per area, courses at emerging (no entry level), proficient (entry developing)
///   and advanced (entry proficient), among courses that raise no level.
/// - **Entry levels only one paid course brings**: in every area, exactly one course brings it
///   from nothing to developing, and it costs 150 to 400; the rungs above need it.
/// - **Prerequisite chains**: about a fifth of the other courses start a chain of 2 to 4 courses,
///   each needing the one before as a prerequisite.
/// - **Cheap filler courses**: ``Settings/fillerPercent`` (default 40) of the catalog earns 0.5 to
///   3 credits for 0 to 30, with no outcomes: what tempts a search to walk every subset.
/// - **Therapist**: a level in two areas of five (emerging to proficient); a gap in one area of four,
///   one or two levels above the current one (developing at least).
/// - **Credits**: the cycle needs 100 (30 to 100 when ``Settings/ties``), of which 0 to 70 are
///   earned already, with one decimal; an ethics minimum of 3 (a topic within cmte, as CBMT counts it) in
///   three problems of five; a cap of 10
///   to 20 on service credits in one of four.
/// - **Time**: 4 to 20 quarters from a random quarter of 2027.
/// - **Tight yearly budgets** in ``Settings/budgetPercent`` (default 80) of problems: hours and
///   money a year between 0.8 and 1.6 times the missing credits' typical hours and cost spread
///   evenly over the years (50 minutes and 30 a credit), so some problems have no plan and many have
///   few; in one problem of five only hours are budgeted, in about one of six only money.
/// - **Pinned training** in one problem of six: a 2-credit course taken in the first quarter, in half
///   of them a prerequisite of the first area's paid course.
/// - **Ties** (``Settings/ties``): half the courses earn credits with one decimal (9.8), and budgets
///   and earned credits are set to the exact decimal sum of some courses' hours, cost or credits
///   (6.67 + 8.33 hours against a budget of 15), so a plan meets a limit exactly and rounding decides
///   whether it is accepted.
///
/// Hours are the credits at 50 minutes each, rounded to hundredths (so 0.83 for one credit).
public struct PlanInstanceGenerator: Sendable {
    /// What the generated problems look like; the defaults are the small instances of issue 19.
    public struct Settings: Sendable {
        /// How many courses the catalog has.
        public var courses: ClosedRange<Int> = 8...40
        /// How many competency areas; nil: one per 8 courses, between 2 and 12.
        public var areas: Int?
        /// The share of filler courses, in percent.
        public var fillerPercent = 40
        /// The share of problems with yearly budgets, in percent.
        public var budgetPercent = 80
        /// Whether budgets and earned credits are set to exact sums of course amounts.
        public var ties = false

        /// The default settings.
        public init() {}

        /// The default settings with a catalog of exactly `courses` courses.
        public static func catalog(_ courses: Int) -> Settings {
            var settings = Settings()
            settings.courses = courses...courses
            return settings
        }
    }

    /// The settings.
    public var settings: Settings

    /// Creates a generator.
    public init(_ settings: Settings = Settings()) { self.settings = settings }

    static let levels = CompetencyLevel.allCases

    /// The problem for `seed`: its own catalog and therapist.
    public func problem(seed: UInt64) -> PlanningProblem {
        var random = SplitMix64(state: seed)
        let courses = catalog(random: &random)
        return problem(courses: courses, random: &random)
    }

    /// A catalog for `seed`, to share among many therapists (``problem(courses:seed:)``).
    public func catalog(seed: UInt64) -> [Course] {
        var random = SplitMix64(state: seed)
        return catalog(random: &random)
    }

    /// A therapist's problem for `seed` against a catalog made by ``catalog(seed:)``.
    public func problem(courses: [Course], seed: UInt64) -> PlanningProblem {
        var random = SplitMix64(state: seed ^ 0x5EED)
        return problem(courses: courses, random: &random)
    }

    /// Hundredths as a decimal amount: exactly the Double a catalog's decimal literal decodes to.
    static func amount(_ hundredths: Int) -> Double { Double(hundredths) / 100 }

    /// Hours for `credits` at 50 minutes a credit, rounded to hundredths.
    static func hours(credits: Double) -> Double { amount(Int((credits * 5000 / 60).rounded())) }

    func areaNames(courseCount: Int) -> [String] {
        let count = settings.areas ?? min(12, max(2, courseCount / 8))
        return (0..<count).map { "area-\($0)" }
    }

    private func catalog(random: inout SplitMix64) -> [Course] {
        let count = random.int(settings.courses)
        let areas = areaNames(courseCount: count)
        var courses: [Course] = []
        func add(credits: Double, category: (name: String, topics: [String]), cost: Double, outcomes: [CourseOutcome],
                 prerequisites: [String] = []) {
            let id = "c\(courses.count)"
            courses.append(Course(id: id, title: id.uppercased(), provider: "P", credits: credits, category: category.name,
                                  hours: Self.hours(credits: credits), cost: cost, format: .online, outcomes: outcomes,
                                  prerequisites: prerequisites, illustrative: true, topics: category.topics))
        }
        // Ethics as CBMT counts it: a topic within cmte, which the minimum counts.
        func category() -> (name: String, topics: [String]) {
            random.chance(15) ? ("cmte", ["ethics"]) : random.chance(20) ? ("service", []) : ("cmte", [])
        }
        // The only course that brings each area to developing from nothing, and it is paid.
        for area in areas where courses.count < count {
            add(credits: Double(random.int(3...10)), category: category(), cost: Double(random.int(30...80) * 5),
                outcomes: [CourseOutcome(area: area, level: .developing)])
        }
        let fillers = count * settings.fillerPercent / 100
        while courses.count < count - fillers {
            let area = areas[random.int(0...(areas.count - 1))]
            // Rungs: emerging (no entry level), general credits (no outcome), proficient and advanced, each
            // needing the level below, so the paid course stays the only way to developing.
            let rung = random.int(0...3)
            let outcomes = rung == 1 ? [] : [CourseOutcome(area: area, level: Self.levels[rung], entry: rung == 0 ? nil : Self.levels[rung - 1])]
            add(credits: amountOfCredits(&random, 4...15), category: category(), cost: Double(random.int(8...80) * 5), outcomes: outcomes)
            // A chain: each link needs the one before.
            if random.chance(20) {
                for _ in 0..<random.int(1...3) where courses.count < count - fillers {
                    add(credits: amountOfCredits(&random, 3...12), category: category(), cost: Double(random.int(4...60) * 5),
                        outcomes: random.chance(30) ? outcomes : [], prerequisites: ["c\(courses.count - 1)"])
                }
            }
        }
        while courses.count < count {
            add(credits: Self.amount(random.int(1...6) * 50), category: category(), cost: Double(random.int(0...6) * 5), outcomes: [])
        }
        return courses
    }

    /// Whole credits, or with ties a decimal one like 9.8.
    private func amountOfCredits(_ random: inout SplitMix64, _ range: ClosedRange<Int>) -> Double {
        settings.ties && random.chance(50) ? Self.amount(random.int(range.lowerBound * 10...range.upperBound * 10) * 10)
            : Double(random.int(range))
    }

    private func problem(courses: [Course], random: inout SplitMix64) -> PlanningProblem {
        let areas = areaNames(courseCount: courses.count)
        var current: [String: CompetencyLevel] = [:]
        for area in areas where random.chance(40) { current[area] = Self.levels[random.int(0...2)] }
        var gaps: [Gap] = []
        for area in areas where random.chance(25) {
            let from = current[area].map { $0.rank + 1 } ?? 1
            guard from <= 3 else { continue }
            gaps.append(Gap(area: area, current: current[area], required: Self.levels[random.int(from...min(3, from + 1))], reasons: ["target"]))
        }
        var quarters: [Quarter] = []
        var quarter = Quarter(year: 2027, quarter: random.int(1...4)) ?? Quarter(containing: .epoch)
        for _ in 0..<random.int(4...20) {
            quarters.append(quarter)
            quarter = quarter.next
        }
        let years = Set(quarters.map(\.year)).count
        var total = 100.0
        var earned = Self.amount(random.int(0...700) * 10)
        if settings.ties {
            total = Double(random.int(30...100))
            // Earned credits that leave exactly what a few courses bring: the plan meets the total to the hundredth.
            let some = (0..<random.int(1...3)).map { _ in courses[random.int(0...(courses.count - 1))] }
            let needed = some.reduce(0) { $0 + Int(($1.credits * 100).rounded()) }
            earned = Self.amount(max(0, Int((total * 100).rounded()) - needed))
        }
        var problem = PlanningProblem(
            courses: courses, levels: current, gaps: gaps, credits: 0, earned: earned > 0 ? ["cmte": earned] : [:], total: total,
            minimums: random.chance(60) ? [CategoryCredits(category: "cmte", topic: "ethics", credits: 3)] : [], caps: random.chance(25) ? ["service": Double(random.int(10...20))] : [:],
            completed: [], quarters: quarters, hoursPerYear: nil, moneyPerYear: nil)
        if random.chance(17) {
            let training = Course(id: "training", title: "Training", provider: "P", credits: 2, category: "cmte", hours: Self.hours(credits: 2),
                                  cost: Double(random.int(0...12) * 5), format: .online, outcomes: [], renewalMonths: 24, illustrative: true)
            problem.pinned = [PinnedCourse(course: training, quarter: 0, renewal: false, countsCredits: true, reasons: ["required training"])]
            problem.earned["cmte", default: 0] = Self.amount(Int((earned * 100).rounded()) + 200)
            let heads = problem.courses.indices.filter { problem.courses[$0].prerequisites.isEmpty && problem.courses[$0].outcomes.isEmpty == false }
            if random.chance(50), let head = heads.first { problem.courses[head].prerequisites.append("training") }
        }
        if random.chance(settings.budgetPercent) {
            let missing = max(0, total - earned)
            let factor = Double(random.int(80...160)) / 100
            problem.hoursPerYear = Double(Int((missing * 50 / 60 / Double(years) * factor).rounded(.up)) + 1)
            problem.moneyPerYear = Double(Int((missing * 30 / Double(years) * factor / 5).rounded(.up)) * 5 + 50)
            if settings.ties {
                // A year's budget equal to the exact decimal sum of two or three courses' hours and cost.
                let some = (0..<random.int(2...3)).map { _ in courses[random.int(0...(courses.count - 1))] }
                let hours = some.reduce(0) { $0 + Int(($1.hours * 100).rounded()) }
                let cost = some.reduce(0) { $0 + Int(($1.cost * 100).rounded()) }
                if random.chance(60) { problem.hoursPerYear = Self.amount(hours) }
                if random.chance(40) { problem.moneyPerYear = Self.amount(cost) }
            }
            if random.chance(20) { problem.moneyPerYear = nil } else if random.chance(20) { problem.hoursPerYear = nil }
        }
        problem.credits = max(0, total - problem.earned.values.reduce(0, +))
        return problem
    }
}
