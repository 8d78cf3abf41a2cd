import TacetDocuments

/// Whether a therapist holds a training course on a given day: the latest completion on or before
/// that day, and, for a course the catalog says is renewable, whether its renewal period has run out.
public enum TrainingStatus: Sendable, Hashable {
    /// Held and current; `until` is the day it lapses (nil: it does not lapse).
    case current(completed: CalendarDate, until: CalendarDate?)
    /// Completed on `completed`, lapsed on `lapsed` (the day it stopped counting).
    case lapsed(completed: CalendarDate, lapsed: CalendarDate)
    /// Never completed (or only after the day asked about).
    case missing
    /// Completed, but the course is in no catalog, so whether it lapses cannot be told.
    case unknownCourse(completed: CalendarDate)

    /// The status of `course` for `therapist` on `day`, with renewal periods from `courses`.
    public init(of therapist: Therapist, course: String, courses: [String: Course], on day: CalendarDate) {
        guard let completed = therapist.completed.filter({ $0.course == course && $0.date <= day }).map(\.date).max() else {
            self = .missing
            return
        }
        guard let entry = courses[course] else {
            self = .unknownCourse(completed: completed)
            return
        }
        let until = entry.renewalMonths.map { completed.adding(months: $0) }
        if let until, until <= day {
            self = .lapsed(completed: completed, lapsed: until)
        } else {
            self = .current(completed: completed, until: until)
        }
    }
}
