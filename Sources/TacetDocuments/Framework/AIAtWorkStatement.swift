import TacetYAML

/// One statement of the AI-at-Work competency framework: how a therapist uses, directs or evaluates AI.
public struct AIAtWorkStatement: Sendable, Hashable, NodeDecodable {
    /// The id policies classify it by.
    public var id: String
    /// Its name in the source.
    public var title: String
    /// What it says.
    public var description: String
    /// The evidence sources the statement names inline in the source.
    public var evidence: [String]
    /// Citation ids.
    public var cite: [String]

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> AIAtWorkStatement? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "an AI-at-Work statement", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let title: String? = fields.required("title", in: &context)
        let description: String? = fields.required("description", in: &context)
        let evidence: [String] = fields.optional("evidence", default: [], in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let id, let title, let description else { return nil }
        return AIAtWorkStatement(id: id, title: title, description: description, evidence: evidence, cite: cite)
    }
}
