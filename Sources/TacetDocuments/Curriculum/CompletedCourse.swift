import TacetYAML

/// Continuing education a therapist has already completed in this cycle.
public struct CompletedCourse: Sendable, Hashable, NodeDecodable {
    /// The catalog course id, when it came from the catalog.
    public var course: String?
    /// A title, for courses outside the catalog.
    public var title: String?
    /// The professional activity it was, by its id in the Requirements' `activities`.
    public var activity: String?
    /// When it was completed.
    public var date: CalendarDate
    /// Credits earned.
    public var credits: Double
    /// The credit category, e.g. `continuing-music-therapy-education`.
    public var category: String
    /// Topics a credit minimum may count, e.g. `ethics`; when none are given and `course` names a catalog
    /// course, that course's topics.
    public var topics: [String] = []
    /// Where the entry is in its document.
    public var pointer: String

    /// The topics the entry's credits count toward: its own, or when it states none, those of the catalog
    /// course it names (`topicsOf` looks a course id up).
    public func countedTopics(_ topicsOf: (String) -> [String]?) -> [String] {
        topics.isEmpty ? course.flatMap(topicsOf) ?? [] : topics
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> CompletedCourse? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a completed course", in: &context) else { return nil }
        let course: String? = fields.optional("course", in: &context)
        let title: String? = fields.optional("title", in: &context)
        let activity: String? = fields.optional("activity", in: &context)
        let date: CalendarDate? = fields.required("date", in: &context)
        let credits: Double? = fields.required("credits", in: &context)
        let category: String? = fields.required("category", in: &context)
        let topics: [String] = fields.optionalSet("topics", in: &context) ?? []
        fields.finish(&context)
        if course == nil && title == nil && activity == nil {
            context.error(.missingKey, "a completed course needs 'course' (a catalog id), 'activity' (an id of the Requirements' "
                          + "activities) or 'title'", at: node, pointer: pointer)
            return nil
        }
        if course != nil && activity != nil {
            context.error(.invalidValue, "a completed entry is a course or an activity: give 'course' or 'activity', not both",
                          at: node["activity"] ?? node, pointer: JSONPointer.appending("activity", to: pointer))
            return nil
        }
        guard let date, let credits, let category else { return nil }
        return CompletedCourse(course: course, title: title, activity: activity, date: date, credits: credits, category: category,
                               topics: topics, pointer: pointer)
    }
}
