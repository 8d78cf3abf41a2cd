import TacetYAML

/// A professional activity a certifying body credits (committee service, presenting, publishing,
/// supervising an intern, attending a conference): a route to credits that is not a course one buys.
///
/// The planner may plan one only for a therapist whose profile lists it among their `activities`, and at
/// most once per cycle (less if the profile records it done in the cycle already).
public struct CreditActivity: Sendable, Hashable, NodeDecodable {
    /// The id profiles and plans use.
    public var id: String
    /// What the activity is.
    public var title: String
    /// The credit category it earns, one of the Requirements' categories.
    public var category: String
    /// Topics a minimum may count it toward.
    public var topics: [String]
    /// Credits it earns once done.
    public var credits: Double
    /// The hours it takes, counted against the therapist's yearly hours like a course's contact hours.
    public var hours: Double
    /// What it costs (a conference's registration, say), in the catalogs' currency; 0 by default.
    public var cost: Double
    /// Citation ids for its credit value.
    public var cite: [String]
    /// Where the activity is in its document.
    public var pointer: String

    /// The activity as the planner sees it: a course with format ``CourseFormat/activity`` and no outcomes.
    public var asCourse: Course {
        Course(id: id, title: title, provider: "professional activity", credits: credits, category: category, hours: hours,
               cost: cost, format: .activity, outcomes: [], topics: topics, pointer: pointer)
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> CreditActivity? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a professional activity", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let title: String? = fields.required("title", in: &context)
        let category: String? = fields.required("category", in: &context)
        let topics: [String] = fields.optionalSet("topics", in: &context) ?? []
        let credits: Double? = fields.required("credits", in: &context)
        let hours: Double? = fields.required("hours", in: &context)
        let cost = fields.optional("cost", default: 0.0, in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let id, let title, let category, let credits, let hours else { return nil }
        for (key, value) in [("credits", credits), ("hours", hours), ("cost", cost)] where value < 0 {
            context.error(.invalidValue, "\(key) cannot be negative", at: node[key] ?? node,
                          pointer: JSONPointer.appending(key, to: pointer))
        }
        return CreditActivity(id: id, title: title, category: category, topics: topics, credits: credits, hours: hours,
                              cost: cost, cite: cite, pointer: pointer)
    }
}
