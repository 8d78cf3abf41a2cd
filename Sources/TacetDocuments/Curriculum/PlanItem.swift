import TacetYAML

/// One scheduled course in a learning plan, with why it is there.
public struct PlanItem: Sendable, Hashable, NodeDecodable {
    /// The catalog course id.
    public var course: String
    /// The quarter it is taken in.
    public var quarter: Quarter
    /// Why it is in the plan: gaps closed, requirements served, privileges unlocked.
    public var reasons: [String]
    /// Where the item is in its document.
    public var pointer: String

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> PlanItem? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a plan item", in: &context) else { return nil }
        let course: String? = fields.required("course", in: &context)
        let quarter: Quarter? = fields.required("quarter", in: &context)
        let reasons: [String] = fields.optional("reasons", default: [], in: &context)
        fields.finish(&context)
        guard let course, let quarter else { return nil }
        return PlanItem(course: course, quarter: quarter, reasons: reasons, pointer: pointer)
    }
}
