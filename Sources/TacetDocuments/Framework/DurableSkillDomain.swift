import TacetYAML

/// A durable-skill domain (communication, leadership, ...) with its statements, entry to leadership.
public struct DurableSkillDomain: Sendable, Hashable, NodeDecodable {
    /// The domain's id.
    public var id: String
    /// Its name.
    public var title: String
    /// Its statements, in the source's order (from entry to leadership).
    public var statements: [Entry]
    /// Citation ids.
    public var cite: [String]

    /// One durable-skill statement.
    public struct Entry: Sendable, Hashable, NodeDecodable {
        /// A slug of the title.
        public var id: String
        /// The statement's name.
        public var title: String
        /// What it says.
        public var description: String

        public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Entry? {
            let pointer = pointer()
            guard var fields = MappingFields(node, at: pointer, what: "a durable-skill statement", in: &context) else { return nil }
            let id = fields.id(in: &context)
            let title: String? = fields.required("title", in: &context)
            let description: String? = fields.required("description", in: &context)
            fields.finish(&context)
            guard let id, let title, let description else { return nil }
            return Entry(id: id, title: title, description: description)
        }
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> DurableSkillDomain? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a durable-skill domain", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let title: String? = fields.required("title", in: &context)
        let statements: [Entry]? = fields.required("statements", in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let id, let title, let statements else { return nil }
        return DurableSkillDomain(id: id, title: title, statements: statements, cite: cite)
    }
}
