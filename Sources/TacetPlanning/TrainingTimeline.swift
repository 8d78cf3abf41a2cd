import TacetDocuments

/// When training is current over a span of days, given when it was completed and when a plan takes it.
///
/// A completion on day d counts from d until d plus the course's renewal period (the day it lapses
/// no longer counts). A course planned for a quarter counts from the quarter's first day, and lapses
/// the renewal period after that first day: the earliest it can, so a plan that passes here stays
/// current on whichever day of the quarter the course is actually taken.
public struct TrainingTimeline: Sendable {
    /// Days the training was completed.
    public var completions: [CalendarDate]
    /// Quarters a plan takes it in.
    public var planned: [Quarter]
    /// The renewal period in months; nil: it never lapses.
    public var renewalMonths: Int?

    /// Creates a timeline.
    public init(completions: [CalendarDate], planned: [Quarter], renewalMonths: Int?) {
        self.completions = completions
        self.planned = planned
        self.renewalMonths = renewalMonths
    }

    /// The first day in `from...through` on which the training is not current, or nil when it is
    /// current on every one of them.
    public func firstLapse(from: CalendarDate, through: CalendarDate) -> CalendarDate? {
        let spans = (completions + planned.map(\.firstDay)).map { start in (start, renewalMonths.map { start.adding(months: $0) }) }
        var day = from
        // Each pass moves `day` to the end of a span that covers it, so it ends after at most one pass per span.
        for _ in 0...spans.count {
            let covering = spans.filter { $0.0 <= day && $0.1.map { $0 > day } ?? true }
            guard !covering.isEmpty else { return day }
            if covering.contains(where: { $0.1 == nil }) { return nil }
            day = covering.compactMap(\.1).max() ?? day
            if day > through { return nil }
        }
        return day
    }
}
