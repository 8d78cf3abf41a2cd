import Foundation
import TacetDocuments

extension CalendarDate {
    /// Today's date in the machine's time zone, which is what a user means by "today".
    package static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        // Foundation's calendar always yields a real date for "now"; the epoch is only a type-level fallback.
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? .epoch
    }
}
