import TacetYAML

/// One scheduled course in a learning plan, with why it is there.
public struct PlanItem: Sendable, Hashable, NodeDecodable {
    /// The catalog course id, or the activity's id in the Requirements when ``isActivity``.
    public var course: String
    /// Whether the item is a professional activity (written `activity:`) rather than a course.
    public var isActivity: Bool = false
    /// The quarter it is taken in.
    public var quarter: Quarter
    /// Why it is in the plan: gaps closed, requirements served, privileges unlocked.
    public var reasons: [String]
    /// Where the item is in its document.
    public var pointer: String

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> PlanItem? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a plan item", in: &context) else { return nil }
        let activity: String? = fields.optional("activity", in: &context)
        let course: String? = activity == nil ? fields.required("course", in: &context) : fields.optional("course", in: &context)
        let quarter: Quarter? = fields.required("quarter", in: &context)
        let reasons: [String] = fields.optional("reasons", default: [], in: &context)
        fields.finish(&context)
        if activity != nil && course != nil {
            context.error(.invalidValue, "a plan item is a course or an activity: give 'course' or 'activity', not both",
                          at: node["activity"] ?? node, pointer: JSONPointer.appending("activity", to: pointer))
            return nil
        }
        guard let id = activity ?? course, let quarter else { return nil }
        return PlanItem(course: id, isActivity: activity != nil, quarter: quarter, reasons: reasons, pointer: pointer)
    }
}
