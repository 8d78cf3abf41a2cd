import TacetYAML

/// An AI-use policy, or a layer of one that `extends` another.
public struct Policy: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.policy

    /// The document's metadata.
    public var metadata: Metadata
    /// The names of the policies this one layers on, base first.
    public var extends: [String]
    /// The sources cited.
    public var citations: [Citation]
    /// Approved AI tools.
    public var tools: [ApprovedTool]
    /// Classified tasks.
    public var tasks: [PolicyTask]
    /// Rules beyond the task table.
    public var rules: [PolicyRule]

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> Policy? {
        let extends: [String] = fields.optionalSet("extends", in: &context) ?? []
        let citations: [Citation] = fields.optional("citations", default: [], in: &context)
        let tools: [ApprovedTool] = fields.optional("tools", default: [], in: &context)
        let tasks: [PolicyTask] = fields.optional("tasks", default: [], in: &context)
        let rules: [PolicyRule] = fields.optional("rules", default: [], in: &context)
        let root = fields.node
        UniqueIDs.check(Array(citations.enumerated()), id: { $0.element.id }, pointer: { "/citations/\($0.offset)" },
                        what: "citation", root: root, in: &context)
        UniqueIDs.check(tools, id: \.id, pointer: \.pointer, what: "tool", root: root, in: &context)
        UniqueIDs.check(tasks, id: \.id, pointer: \.pointer, what: "task", root: root, in: &context)
        UniqueIDs.check(rules, id: \.id, pointer: \.pointer, what: "rule", root: root, in: &context)
        let known = citations.map(\.id)
        let citing = tasks.map { ($0.cite, $0.pointer) } + rules.map { ($0.cite, $0.pointer) }
        // A layer may cite its base's citations; those resolve once layers are stacked.
        for (cite, owner) in citing where extends.isEmpty {
            for (index, id) in cite.enumerated() where !known.contains(id) {
                let pointer = "\(owner)/cite/\(index)"
                context.unknown(.undefinedReference, what: "citation", value: id, candidates: known,
                                at: root.node(at: pointer) ?? root, pointer: pointer)
            }
        }
        return Policy(metadata: metadata, extends: extends, citations: citations, tools: tools, tasks: tasks, rules: rules)
    }
}
