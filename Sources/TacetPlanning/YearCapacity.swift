import TacetDocuments

/// The most credits, hours and money the courses of one calendar year can add up to within its room
/// (``YearRoom``): bounds every plan's year meets, which the programs state as rows.
///
/// A year's budget is rarely filled to the cent: course hours come in steps (a credit is 0.83 hours), so
/// 27 hours a year hold at most 26.67 hours of courses, 32 credits. Summed over the years, such bounds
/// prove at once what otherwise takes the solver round after round of cut-off selections: 96.4 credits
/// do not fit three such years, though their 80.4 hours fit the cycle's 81 (PlanBench's 300-course
/// team, seed 869).
///
/// Each figure is a 0/1 knapsack over the courses that may be taken, under one budget at a time (the
/// smaller of the two where both are set): at least what any set of courses that fits both budgets
/// reaches. Weights are counted in whole units, rounded down, and the room too, so whatever fits
/// really fits here as well: a bound, never too low.
struct YearCapacity: Equatable {
    /// The most credits the year's courses can bring.
    var credits: Double
    /// The most hours the year's courses can take (infinity where hours are not budgeted).
    var hours: Double
    /// The most money the year's courses can cost (infinity where money is not budgeted).
    var money: Double

    /// The most units a budget is divided into; past it, a coarser unit (weights rounded down).
    static let maxUnits = 20_000

    /// The capacity of a year with `room` left, for `courses` (those a plan may take).
    init(room: YearRoom, courses: [Course]) {
        let hours = courses.map(\.hours)
        let money = courses.map(\.cost)
        let credits = courses.map(\.credits)
        func most(_ values: [Double]) -> Double {
            min(Self.most(values, weights: hours, limit: room.hours), Self.most(values, weights: money, limit: room.money))
        }
        self.credits = most(credits)
        // An amount not budgeted is bounded by nothing a row would use.
        self.hours = room.hours.isFinite ? min(room.hours, most(hours)) : .infinity
        self.money = room.money.isFinite ? min(room.money, most(money)) : .infinity
    }

    /// The largest sum of `values` over a set of items whose `weights` add up to at most `limit`
    /// (within ``Planner/tolerance``); infinity when `limit` is.
    static func most(_ values: [Double], weights: [Double], limit: Double) -> Double {
        guard limit.isFinite else { return .infinity }
        guard limit > -Planner.tolerance else { return 0 }
        let unit = KnapsackUnit(weights: weights, limit: limit, precision: 100, maxUnits: maxUnits)
        let units = unit.units(ofRoom: limit, cap: maxUnits)
        var best = Array(repeating: 0.0, count: units + 1)
        var free = 0.0
        for (value, weight) in zip(values, weights) where value > 0 {
            let w = unit.units(of: weight)
            if w <= 0 {
                free += value
                continue
            }
            guard w <= units else { continue }
            for u in stride(from: units, through: w, by: -1) where best[u - w] + value > best[u] {
                best[u] = best[u - w] + value
            }
        }
        return best[units] + free
    }
}
