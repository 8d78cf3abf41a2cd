import TacetYAML

/// A named source that tasks, rules and areas cite by id.
///
/// `assumption: true` marks a fact that is not in the seed documents: an editable assumption the
/// adopting organisation must confirm, never a citation presented as checked.
public struct Citation: Sendable, Hashable, NodeDecodable {
    /// The id others cite.
    public var id: String
    /// What the source is.
    public var title: String
    /// Where it is: a seed file path, a regulation, a URL.
    public var source: String
    /// The section, statement or figure within the source, when there is one.
    public var section: String?
    /// The framework statement the citation quotes (a statement, AI-at-Work, durable-skill or
    /// O*NET task id), so lint can check it exists.
    public var statement: String?
    /// Whether this is an editable assumption rather than a sourced fact.
    public var assumption: Bool

    /// Creates a citation.
    public init(id: String, title: String, source: String, section: String? = nil, statement: String? = nil,
                assumption: Bool = false) {
        self.id = id
        self.title = title
        self.source = source
        self.section = section
        self.statement = statement
        self.assumption = assumption
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Citation? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a citation", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let title: String? = fields.required("title", in: &context)
        let source: String? = fields.required("source", in: &context)
        let section: String? = fields.optional("section", in: &context)
        let statement: String? = fields.optional("statement", in: &context)
        let assumption = fields.optional("assumption", default: false, in: &context)
        fields.finish(&context)
        guard let id, let title, let source else { return nil }
        return Citation(id: id, title: title, source: source, section: section, statement: statement, assumption: assumption)
    }
}
