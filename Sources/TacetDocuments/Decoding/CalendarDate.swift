import TacetYAML

/// A calendar date without a time zone, written `YYYY-MM-DD` (a string under the YAML 1.2 core schema).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, NodeDecodable {
    /// The year.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    /// Creates a date when it exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date the caller has already checked exists (callers say why in an `invariant:` comment).
    init(valid parts: (year: Int, month: Int, day: Int)) {
        year = parts.year
        month = parts.month
        day = parts.day
    }

    /// 1970-01-01.
    public static let epoch = CalendarDate(valid: (1970, 1, 1))

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Why `text`, written as YYYY-MM-DD, names no day ("month 13 does not exist"); nil when it is not
    /// even written that way.
    static func whyNot(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        guard (1...12).contains(month) else { return "month \(month) does not exist" }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else { return "\(Self.monthNames[month - 1]) \(year) has \(days) days" }
        return year < 1 ? "year 0 does not exist" : nil
    }

    /// The months' names in English, January first.
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// Days in a month, leap years included.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The same day `months` months later, moved back to the month's last day where the month is
    /// shorter (2024-01-31 plus one month is 2024-02-29): how "valid 24 months" reads on a calendar.
    public func adding(months: Int) -> CalendarDate {
        // Clamped to the years a date can have, so no input can overflow or leave the calendar.
        let total = min(9999 * 12 + 11, max(12, year * 12 + (month - 1) + max(-120_000, min(120_000, months))))
        let (newYear, newMonth) = (total / 12, total % 12 + 1)
        // invariant: the month is 1...12, the year 1...9999 and the day within the month.
        return CalendarDate(valid: (newYear, newMonth, min(day, Self.daysIn(month: newMonth, year: newYear))))
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> CalendarDate? {
        guard let text = String.decode(node, at: pointer(), in: &context) else { return nil }
        guard let date = CalendarDate(text) else {
            context.error(.invalidValue, "'\(text)' is not a date" + (Self.whyNot(text).map { ": \($0)" } ?? ""),
                          at: node, pointer: pointer(), hint: "write dates as YYYY-MM-DD, e.g. 2027-03-31")
            return nil
        }
        return date
    }
}
