import TacetYAML

/// What a course does for one competency area: the level it requires on entry and the level it brings.
public struct CourseOutcome: Sendable, Hashable, NodeDecodable {
    /// The competency area.
    public var area: String
    /// The level a learner reaches.
    public var level: CompetencyLevel
    /// The level a learner needs before starting, if any.
    public var entry: CompetencyLevel?

    /// Creates an outcome.
    public init(area: String, level: CompetencyLevel, entry: CompetencyLevel? = nil) {
        self.area = area
        self.level = level
        self.entry = entry
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> CourseOutcome? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a course outcome", in: &context) else { return nil }
        let area: String? = fields.required("area", in: &context)
        let level: CompetencyLevel? = fields.required("level", in: &context)
        let entry: CompetencyLevel? = fields.optional("entry", in: &context)
        fields.finish(&context)
        guard let area, let level else { return nil }
        if let entry, entry >= level {
            context.error(.invalidValue, "entry level \(entry.rawValue) is not below the level the course brings (\(level.rawValue))",
                          at: node["entry"] ?? node, pointer: JSONPointer.appending("entry", to: pointer))
        }
        return CourseOutcome(area: area, level: level, entry: entry)
    }
}
