import TacetYAML

/// A calendar quarter, written `YYYY-Qn`: the unit plans are scheduled in.
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible, NodeDecodable {
    /// The year.
    public var year: Int
    /// The quarter, 1 to 4.
    public var quarter: Int

    /// Creates a quarter when `quarter` is 1 to 4.
    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter), (1...9999).contains(year) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// Parses `YYYY-Qn`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].count == 2,
              parts[1].first == "Q", let quarter = Int(parts[1].dropFirst()) else { return nil }
        self.init(year: year, quarter: quarter)
    }

    /// The quarter a date falls in.
    public init(containing date: CalendarDate) {
        year = date.year
        quarter = (date.month - 1) / 3 + 1
    }

    /// The first day of the quarter.
    public var firstDay: CalendarDate {
        // invariant: quarter is 1...4 and year 1...9999, so the first of its first month exists.
        CalendarDate(valid: (year, (quarter - 1) * 3 + 1, 1))
    }

    /// The last day of the quarter.
    public var lastDay: CalendarDate {
        let month = quarter * 3
        // invariant: quarter is 1...4, so the month is 3, 6, 9 or 12, and its last day exists.
        return CalendarDate(valid: (year, month, CalendarDate.daysIn(month: month, year: year)))
    }

    /// The last quarter that ends on or before `date`: the last whose every day is by then. A course
    /// counts toward a credential cycle only in a quarter that ends within it; the quarter `date` falls
    /// in counts only when `date` is its last day.
    public static func lastEnding(by date: CalendarDate) -> Quarter {
        let containing = Quarter(containing: date)
        if date >= containing.lastDay { return containing }
        // invariant: only the first quarter of year 1 has no quarter before it; it is then its own bound.
        return containing.quarter == 1 ? Quarter(year: containing.year - 1, quarter: 4) ?? containing
            : Quarter(year: containing.year, quarter: containing.quarter - 1) ?? containing
    }

    /// The quarter after this one.
    public var next: Quarter {
        // invariant: a following quarter exists below year 9999, the calendar Tacet handles.
        quarter == 4 ? (Quarter(year: year + 1, quarter: 1) ?? self) : (Quarter(year: year, quarter: quarter + 1) ?? self)
    }

    /// `YYYY-Qn`.
    public var description: String { "\(year)-Q\(quarter)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter) }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Quarter? {
        guard let text = String.decode(node, at: pointer(), in: &context) else { return nil }
        guard let quarter = Quarter(text) else {
            context.error(.invalidValue, "'\(text)' is not a quarter", at: node, pointer: pointer(),
                          hint: "write quarters as YYYY-Qn, e.g. 2027-Q2")
            return nil
        }
        return quarter
    }
}
