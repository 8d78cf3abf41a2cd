/// What a set of courses costs: money, then contact hours, compared in that order.
struct PlanPrice: Comparable {
    var cost: Double
    var hours: Double

    static let zero = PlanPrice(cost: 0, hours: 0)
    static let impossible = PlanPrice(cost: .infinity, hours: .infinity)

    static func + (a: PlanPrice, b: PlanPrice) -> PlanPrice { PlanPrice(cost: a.cost + b.cost, hours: a.hours + b.hours) }

    /// Cost first, hours to break ties; differences below 1e-9 are rounding, not a difference.
    static func < (a: PlanPrice, b: PlanPrice) -> Bool {
        a.cost < b.cost - 1e-9 || (abs(a.cost - b.cost) <= 1e-9 && a.hours < b.hours - 1e-9)
    }
}
