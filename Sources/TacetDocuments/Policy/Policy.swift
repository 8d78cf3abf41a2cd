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
    /// Classified tasks as this document states them: whole in a base policy, only what changes in a layer.
    public var tasks: [TaskStatement]
    /// Rules beyond the task table.
    public var rules: [PolicyRule]
    /// What the client AI notice says and needs signed, as this document states it.
    public var notice: NoticeSettings? = nil
    /// Which roster roles a supervisor reviews (interns, students) and who supervises, as this document states it.
    public var supervision: SupervisionSettings? = nil
    /// The credentials the policy recognises, as this document states it.
    public var credentials: CredentialSettings? = nil

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> Policy? {
        let extends: [String] = fields.optionalSet("extends", in: &context) ?? []
        let citations: [Citation] = fields.optional("citations", default: [], in: &context)
        let tools: [ApprovedTool] = fields.optional("tools", default: [], in: &context)
        let tasks: [TaskStatement] = fields.optional("tasks", default: [], in: &context)
        let rules: [PolicyRule] = fields.optional("rules", default: [], in: &context)
        let notice: NoticeSettings? = fields.optional("notice", in: &context)
        let supervision: SupervisionSettings? = fields.optional("supervision", in: &context)
        let credentials: CredentialSettings? = fields.optional("credentials", in: &context)
        let root = fields.node
        UniqueIDs.check(Array(citations.enumerated()), id: { $0.element.id }, pointer: { "/citations/\($0.offset)" },
                        what: "citation", root: root, in: &context)
        UniqueIDs.check(tools, id: \.id, pointer: \.pointer, what: "tool", root: root, in: &context)
        UniqueIDs.check(tasks, id: \.id, pointer: \.pointer, what: "task", root: root, in: &context)
        UniqueIDs.check(rules, id: \.id, pointer: \.pointer, what: "rule", root: root, in: &context)
        for task in tasks {
            // A layer may leave out what it inherits; its base is not known here, so the resolver checks it.
            if extends.isEmpty {
                for (what, key, pointer) in task.missingKeys(over: nil) {
                    context.error(.missingKey, "\(what) is missing required key '\(key)'", at: root.node(at: pointer) ?? root, pointer: pointer)
                }
            }
            if task.maxAI == .aiDelegated, task.clinical ?? extends.isEmpty, let node = root.node(at: task.pointer + "/maxAI") {
                context.error(.invalidValue, "a clinical task cannot be ai-delegated", at: node, pointer: task.pointer + "/maxAI",
                              hint: "ai-delegated is for logistics only; mark the task clinical: false if it involves no clinical judgement")
            }
        }
        let known = citations.map(\.id)
        var citing: [([String], String)] = tasks.map { ($0.cite ?? [], $0.pointer) } + rules.map { ($0.cite, $0.pointer) }
        if let notice { citing.append((notice.cite, notice.pointer)) }
        citing += Policy.peopleCitations(supervision: supervision, credentials: credentials, tools: tools)
        // A layer may cite its base's citations; those resolve once layers are stacked.
        for (cite, owner) in citing where extends.isEmpty {
            for (index, id) in cite.enumerated() where !known.contains(id) {
                let pointer = "\(owner)/cite/\(index)"
                context.unknown(.undefinedReference, what: "citation", value: id, candidates: known,
                                at: root.node(at: pointer) ?? root, pointer: pointer)
            }
        }
        return Policy(metadata: metadata, extends: extends, citations: citations, tools: tools, tasks: tasks, rules: rules, notice: notice,
                      supervision: supervision, credentials: credentials)
    }
}
