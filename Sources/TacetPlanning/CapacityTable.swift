/// The most credits the courses from each position of the search order on can bring into one
/// year with a given room left in one budget (hours or money): a 0/1 knapsack per position,
/// summed over the years as an upper bound on the credits a plan can still add.
///
/// Weights and rooms are counted in whole units, rounded down, so whatever fits really fits here
/// as well: the bound never excludes a plan. The unit is the largest that measures every weight
/// exactly (catalogs give hours in minutes and money in cents, usually in round amounts), so the
/// bound is as tight as the knapsack itself; failing that, a fine fraction of the yearly limit.
struct CapacityTable {
    /// The most units a yearly limit is divided into.
    static let maxUnits = 4096
    /// The most entries (positions x units) a table holds: a large catalog gets coarser units, rounded down as
    /// always, so a weaker bound, never a wrong one. Building a 4,096-unit table for 300 courses was a fifth
    /// of the search's time on PlanBench's 300-course team (perf), for bounds its 2,000 steps barely use; small
    /// catalogs keep every unit.
    static let maxEntries = 1 << 18

    private let unit: Double
    private let units: Int
    private let table: [Double]

    /// Builds the table for courses with these `weights` (hours or money, `precision` units to 1:
    /// 60 for hours, 100 for money) and `credits`, in search order.
    init(weights: [Double], credits: [Double], limit: Double, precision: Double) {
        let most = Self.units(positions: weights.count + 1)
        unit = Self.unit(weights, limit: limit, precision: precision, units: most)
        units = max(0, min(most, Int((limit / unit + Planner.tolerance).rounded(.down))))
        let size = units + 1
        var table = Array(repeating: 0.0, count: (weights.count + 1) * size)
        for position in stride(from: weights.count - 1, through: 0, by: -1) {
            let here = position * size
            let next = here + size
            // Within rounding of a whole unit counts as that unit, as fits are judged elsewhere (``Planner/tolerance``).
            let weight = max(0, Int((min(weights[position], 1e12) / unit + Planner.tolerance).rounded(.down)))
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
        let fit = min(units, Int((min(room, 1e12) / unit + Planner.tolerance).rounded(.down)))
        return table[position * (units + 1) + fit]
    }

    /// The most units a table of `positions` rows may divide a limit into: ``maxUnits``, fewer where
    /// ``maxEntries`` would be passed, and never fewer than 256.
    static func units(positions: Int) -> Int {
        min(maxUnits, max(256, maxEntries / max(1, positions)))
    }

    /// The greatest common divisor of the weights in units of 1/`precision`, when they are all
    /// whole such units and it divides `limit` into at most `units`; else `limit` / `units`.
    static func unit(_ weights: [Double], limit: Double, precision: Double, units maxUnits: Int = maxUnits) -> Double {
        let fallback = limit > 0 ? limit / Double(maxUnits) : 1
        var divisor = 0
        for weight in weights {
            let scaled = weight * precision
            guard scaled.isFinite, scaled < 1e12, abs(scaled - scaled.rounded()) < 1e-6 else { return fallback }
            var (a, b) = (divisor, Int(scaled.rounded()))
            while b != 0 { (a, b) = (b, a % b) }
            divisor = a
        }
        guard divisor > 0 else { return fallback }
        let unit = Double(divisor) / precision
        return limit / unit <= Double(maxUnits) ? unit : fallback
    }
}
