import TacetYAML

/// A continuing-education course in a catalog.
public struct Course: Sendable, Hashable, NodeDecodable {
    /// The id plans and profiles use.
    public var id: String
    /// Its title.
    public var title: String
    /// Who offers it.
    public var provider: String
    /// Recertification credits it earns.
    public var credits: Double
    /// The credit category, e.g. `continuing-music-therapy-education`.
    public var category: String
    /// Topics a credit minimum may count within its category, e.g. `ethics` (CBMT counts its ethics
    /// credits inside Continuing Music Therapy Education).
    public var topics: [String]
    /// Contact hours.
    public var hours: Double
    /// Cost, in the catalog's currency.
    public var cost: Double
    /// How it is delivered; ``CourseFormat/activity`` for a professional activity of the Requirements.
    public var format: CourseFormat
    /// What it does for each competency area it covers.
    public var outcomes: [CourseOutcome]
    /// Courses to complete first, by id.
    public var prerequisites: [String]
    /// How long its training stays valid, in months (e.g. AI-literacy training: 24), if it expires.
    public var renewalMonths: Int?
    /// Whether provider, cost and other details are illustrative rather than real.
    public var illustrative: Bool
    /// Where the course is in its document.
    public var pointer: String

    /// Creates a course.
    public init(id: String, title: String, provider: String, credits: Double, category: String, hours: Double, cost: Double,
                format: CourseFormat, outcomes: [CourseOutcome], prerequisites: [String] = [], renewalMonths: Int? = nil,
                illustrative: Bool = false, topics: [String] = [], pointer: String = "") {
        self.id = id
        self.title = title
        self.provider = provider
        self.credits = credits
        self.category = category
        self.topics = topics
        self.hours = hours
        self.cost = cost
        self.format = format
        self.outcomes = outcomes
        self.prerequisites = prerequisites
        self.renewalMonths = renewalMonths
        self.illustrative = illustrative
        self.pointer = pointer
    }

    /// Whether the course brings someone at `levels` nothing they lack: it has level outcomes, and each is in
    /// an area where `levels` is already at or above the outcome's level. A course without outcomes, or with
    /// one in an area `levels` does not state, brings something. The planner leaves such courses out, and a
    /// course that needs one first may start without it (its prerequisite is met by level), in plans and audit alike.
    public func bringsNothingBeyond(_ levels: [String: CompetencyLevel]) -> Bool {
        !outcomes.isEmpty && outcomes.allSatisfy { outcome in levels[outcome.area].map { $0 >= outcome.level } ?? false }
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Course? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a course", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let title: String? = fields.required("title", in: &context)
        let provider: String? = fields.required("provider", in: &context)
        let credits: Double? = fields.required("credits", in: &context)
        let category: String? = fields.required("category", in: &context)
        let topics: [String] = fields.optionalSet("topics", in: &context) ?? []
        let hours: Double? = fields.required("hours", in: &context)
        let cost: Double? = fields.required("cost", in: &context)
        let format: CourseFormat? = fields.required("format", in: &context)
        let outcomes: [CourseOutcome] = fields.optional("outcomes", default: [], in: &context)
        let prerequisites: [String] = fields.optionalSet("prerequisites", in: &context) ?? []
        let renewalMonths: Int? = fields.optional("renewalMonths", in: &context)
        let illustrative = fields.optional("illustrative", default: false, in: &context)
        fields.finish(&context)
        guard let id, let title, let provider, let credits, let category, let hours, let cost, let format else { return nil }
        for (key, value) in [("credits", credits), ("hours", hours), ("cost", cost)] where value < 0 {
            context.error(.invalidValue, "\(key) cannot be negative", at: node[key] ?? node,
                          pointer: JSONPointer.appending(key, to: pointer))
        }
        if format == .activity {
            context.error(.invalidValue, "format 'activity' is for the professional activities a Requirements document lists, "
                          + "not for catalog courses", at: node["format"] ?? node, pointer: JSONPointer.appending("format", to: pointer))
        }
        if let renewalMonths, renewalMonths < 1 {
            context.error(.invalidValue, "renewalMonths must be at least 1 (leave it out for training that does not lapse)",
                          at: node["renewalMonths"] ?? node, pointer: JSONPointer.appending("renewalMonths", to: pointer))
        }
        return Course(id: id, title: title, provider: provider, credits: credits, category: category, hours: hours,
                      cost: cost, format: format, outcomes: outcomes, prerequisites: prerequisites,
                      renewalMonths: renewalMonths, illustrative: illustrative, topics: topics, pointer: pointer)
    }
}
