import TacetYAML

/// A continuing-education plan for one therapist over their cycle.
public struct LearningPlan: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.learningPlan

    /// The document's metadata.
    public var metadata: Metadata
    /// The therapist's roster id.
    public var therapist: String
    /// The cycle's first day.
    public var cycleStart: CalendarDate
    /// The cycle's last day.
    public var cycleEnd: CalendarDate
    /// The scheduled courses.
    public var items: [PlanItem]

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> LearningPlan? {
        let therapist: String? = fields.required("therapist", in: &context)
        let cycleStart: CalendarDate? = fields.required("cycleStart", in: &context)
        let cycleEnd: CalendarDate? = fields.required("cycleEnd", in: &context)
        let items: [PlanItem]? = fields.required("items", in: &context)
        guard let therapist, let cycleStart, let cycleEnd, let items else { return nil }
        return LearningPlan(metadata: metadata, therapist: therapist, cycleStart: cycleStart, cycleEnd: cycleEnd, items: items)
    }
}
