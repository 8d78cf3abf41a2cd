/// The most credits the courses from each position of the search order on can bring into one
/// year with a given room left in one budget (hours or money): a 0/1 knapsack per position,
/// summed over the years as an upper bound on the credits a plan can still add.
///
/// Weights and rooms are counted in whole units (``KnapsackUnit``: exact, or weights rounded down), so
/// whatever fits really fits here as well: the bound never excludes a plan. The unit is the largest that
/// measures every weight exactly (catalogs give hours in minutes and money in cents, usually in round
/// amounts), so the bound is as tight as the knapsack itself; failing that, a fine fraction of the limit.
struct CapacityTable {
    /// The most units a yearly limit is divided into.
    static let maxUnits = 4096
    /// The most entries (positions x units) a table holds: a large catalog gets coarser units, rounded down as
    /// always, so a weaker bound, never a wrong one. Building a 4,096-unit table for 300 courses was a fifth
    /// of the search's time on PlanBench's 300-course team (perf), for bounds that now serve mostly as the
    /// solver's floor (``PlannerSearch/rootBound``); small catalogs keep every unit.
    static let maxEntries = 1 << 18

    private let unit: KnapsackUnit
    private let units: Int
    private let table: [Double]

    /// Builds the table for courses with these `weights` (hours or money, `precision` units to 1:
    /// 60 for hours, 100 for money) and `credits`, in search order.
    init(weights: [Double], credits: [Double], limit: Double, precision: Double) {
        let most = Self.units(positions: weights.count + 1)
        unit = KnapsackUnit(weights: weights, limit: limit, precision: precision, maxUnits: most)
        units = unit.units(ofRoom: limit, cap: most)
        let size = units + 1
        var table = Array(repeating: 0.0, count: (weights.count + 1) * size)
        for position in stride(from: weights.count - 1, through: 0, by: -1) {
            let here = position * size
            let next = here + size
            let weight = unit.units(of: weights[position])
            for room in 0..<size {
                let skip = table[next + room]
                table[here + room] = weight <= room ? max(skip, table[next + room - weight] + credits[position]) : skip
            }
        }
        self.table = table
    }

    /// The most credits the courses from `position` on can bring into a year with `room` left.
    func credits(at position: Int, room: Double) -> Double {
        guard room > -Planner.tolerance else { return 0 }
        return table[position * (units + 1) + unit.units(ofRoom: room, cap: units)]
    }

    /// The most units a table of `positions` rows may divide a limit into: ``maxUnits``, fewer where
    /// ``maxEntries`` would be passed, and never fewer than 256.
    static func units(positions: Int) -> Int {
        min(maxUnits, max(256, maxEntries / max(1, positions)))
    }
}
