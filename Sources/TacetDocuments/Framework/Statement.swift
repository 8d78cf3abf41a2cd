import TacetYAML

/// One competency statement of the framework: what a therapist at a level can do.
public struct Statement: Sendable, Hashable, NodeDecodable {
    /// A slug of the title, stable across imports.
    public var id: String
    /// The level the statement belongs to.
    public var level: CompetencyLevel
    /// The statement's name, before the dash in the source.
    public var title: String
    /// What it means, after the dash.
    public var description: String

    /// Creates a statement.
    public init(id: String, level: CompetencyLevel, title: String, description: String) {
        self.id = id
        self.level = level
        self.title = title
        self.description = description
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Statement? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a statement", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let level: CompetencyLevel? = fields.required("level", in: &context)
        let title: String? = fields.required("title", in: &context)
        let description: String? = fields.required("description", in: &context)
        fields.finish(&context)
        guard let id, let level, let title, let description else { return nil }
        return Statement(id: id, level: level, title: title, description: description)
    }
}
