import TacetDocuments

/// What is left of one calendar year's hour and money budgets; infinite where a budget is not set.
struct YearRoom: Hashable {
    var hours: Double
    var money: Double

    /// Whether `course` fits in what is left, within rounding (``Planner/tolerance``).
    func holds(_ course: Course) -> Bool { hours + Planner.tolerance >= course.hours && money + Planner.tolerance >= course.cost }

    /// The room left once `course` is taken in this year.
    func taking(_ course: Course) -> YearRoom { YearRoom(hours: hours - course.hours, money: money - course.cost) }

    /// Whether two rooms are equal within rounding: for courses tied to no other, years with the
    /// same room left are interchangeable, so a search tries one of them.
    func isSame(as other: YearRoom) -> Bool { abs(hours - other.hours) < Planner.tolerance && abs(money - other.money) < Planner.tolerance }
}
