/// What a set of courses costs: money, then contact hours, compared in that order.
struct PlanPrice: Comparable {
    var cost: Double
    var hours: Double

    static let zero = PlanPrice(cost: 0, hours: 0)
    static let impossible = PlanPrice(cost: .infinity, hours: .infinity)

    static func + (a: PlanPrice, b: PlanPrice) -> PlanPrice { PlanPrice(cost: a.cost + b.cost, hours: a.hours + b.hours) }

    /// Cost first, hours to break ties; differences within ``Planner/tolerance`` are rounding, not a difference.
    static func < (a: PlanPrice, b: PlanPrice) -> Bool {
        a.cost < b.cost - Planner.tolerance || (abs(a.cost - b.cost) <= Planner.tolerance && a.hours < b.hours - Planner.tolerance)
    }
}
