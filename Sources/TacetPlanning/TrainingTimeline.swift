import TacetDocuments

/// When training is current over a span of days, given when it was completed and when a plan takes it.
///
/// A completion on day d counts from d until d plus the course's renewal period (the day it lapses
/// no longer counts). A course planned for a quarter may be taken on any day of it, so it is judged
/// at both ends: it counts only from the quarter's last day (the latest it is taken) and lapses the
/// renewal period after the quarter's first day (the earliest). A plan that passes here therefore
/// stays current on whichever day of the quarter the course is taken: a renewal belongs in a quarter
/// that ends by the day the training lapses, not in the quarter it lapses in. The one exception is
/// the quarter the span checked starts in: a course planned there counts from that start, as it is
/// the soonest any plan can take it (the plan's reasons give the day to take it by).
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
        let now = Quarter(containing: from)
        let spans = completions.map { ($0, renewalMonths.map($0.adding(months:))) }
            + planned.map { quarter in (quarter == now ? from : quarter.lastDay, renewalMonths.map(quarter.firstDay.adding(months:))) }
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
