import TacetYAML

/// A competency area: statements chained from one level to the next, such as documentation from
/// "Treatment documentation" (emerging) to "Executive reporting and accountability" (advanced).
public struct CompetencyArea: Sendable, Hashable, NodeDecodable {
    /// The id policies and therapist profiles use.
    public var id: String
    /// A human title.
    public var title: String
    /// Why these statements form one line of growth.
    public var rationale: String?
    /// The statement ids, in level order.
    public var chain: [String]
    /// Citation ids.
    public var cite: [String]
    /// Where the area is in its document.
    public var pointer: String

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> CompetencyArea? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a competency area", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let title: String? = fields.required("title", in: &context)
        let rationale: String? = fields.optional("rationale", in: &context)
        let chain: [String]? = fields.required("chain", in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let id, let title, let chain else { return nil }
        return CompetencyArea(id: id, title: title, rationale: rationale, chain: chain, cite: cite, pointer: pointer)
    }
}
