/// The unit a knapsack over amounts (hours or money) counts its weights and room in: the largest that
/// measures every weight exactly, or else a fine one with the weights rounded down, so that whatever fits in
/// amounts fits in units too and the knapsack's best is never below the true one.
///
/// ``CapacityTable`` and ``YearCapacity`` both count in it.
struct KnapsackUnit {
    /// The unit, in the amounts' own terms (hours, money).
    let size: Double
    /// Whether every weight is a whole number of units (within a millionth of one): then a weight is
    /// rounded to the nearest unit, else down.
    let exact: Bool

    /// The greatest common divisor of `weights` in units of 1/`precision` (60 for minutes, 100 for
    /// hundredths) when every weight is a whole number of them; else 1/`precision`, inexact; and in either case
    /// `limit` / `maxUnits`, inexact, when `limit` would need more than `maxUnits` units.
    init(weights: [Double], limit: Double, precision: Double, maxUnits: Int) {
        var divisor = 0
        var whole = true
        for weight in weights {
            let scaled = weight * precision
            guard scaled.isFinite, scaled < 1e12, abs(scaled - scaled.rounded()) < 1e-6 else {
                whole = false
                break
            }
            var (a, b) = (divisor, Int(scaled.rounded()))
            while b != 0 { (a, b) = (b, a % b) }
            divisor = a
        }
        let measured = whole && divisor > 0
        let unit = measured ? Double(divisor) / precision : 1 / precision
        if limit.isFinite, limit > 0, limit / unit > Double(maxUnits) {
            (size, exact) = (limit / Double(maxUnits), false)
        } else {
            (size, exact) = (unit, measured)
        }
    }

    /// `weight` in whole units: the nearest when the unit is exact, else rounded down; never negative.
    func units(of weight: Double) -> Int {
        let scaled = min(max(weight, 0), 1e12) / size
        return Int(exact ? scaled.rounded() : scaled.rounded(.down))
    }

    /// A room of `room` in whole units, counting a room within ``Planner/tolerance`` of the next unit as
    /// reaching it (fits are judged with that tolerance elsewhere), at most `cap`; 0 for a negative room.
    func units(ofRoom room: Double, cap: Int) -> Int {
        guard room > -Planner.tolerance else { return 0 }
        return max(0, min(cap, Int(((min(room, 1e12) + Planner.tolerance) / size + 1e-6).rounded(.down))))
    }
}
