import TacetYAML

/// Who must review a task's AI output before use: a role, at a minimum level in a competency area.
public struct ReviewRequirement: Sendable, Hashable, NodeDecodable {
    /// The reviewer's role, e.g. `therapist` or `supervisor`.
    public var role: String
    /// The competency area the level is measured in; the task's own area when absent.
    public var area: String?
    /// The lowest level the reviewer may have in that area.
    public var minLevel: CompetencyLevel

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> ReviewRequirement? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a review requirement", in: &context) else { return nil }
        let role: String? = fields.required("role", in: &context)
        let area: String? = fields.optional("area", in: &context)
        let minLevel: CompetencyLevel? = fields.required("minLevel", in: &context)
        fields.finish(&context)
        guard let role, let minLevel else { return nil }
        return ReviewRequirement(role: role, area: area, minLevel: minLevel)
    }
}
