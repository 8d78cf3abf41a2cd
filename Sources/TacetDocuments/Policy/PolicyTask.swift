import TacetYAML

/// A therapy task the policy classifies: how far AI may go in it and what that requires.
public struct PolicyTask: Sendable, Hashable, NodeDecodable {
    /// The id workflow steps name in `task:`.
    public var id: String
    /// What the task is.
    public var title: String
    /// The competency area it belongs to.
    public var area: String
    /// The highest AI-use level allowed.
    public var maxAI: AIUseLevel
    /// Why it is classified so.
    public var rationale: String?
    /// What AI use in the task requires.
    public var requires: TaskRequirements
    /// Whether the task involves clinical judgement (true unless marked as logistics).
    public var clinical: Bool
    /// Framework items the task classifies: AI-at-Work statement ids and O*NET task ids.
    public var classifies: [String]
    /// Citation ids.
    public var cite: [String]
    /// Where the task is in its document.
    public var pointer: String

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> PolicyTask? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a task", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let title: String? = fields.required("title", in: &context)
        let area: String? = fields.required("area", in: &context)
        let maxAI: AIUseLevel? = fields.required("maxAI", in: &context)
        let rationale: String? = fields.optional("rationale", in: &context)
        let requires = fields.optional("requires", default: TaskRequirements.none, in: &context)
        let clinical = fields.optional("clinical", default: true, in: &context)
        let classifies: [String] = fields.optionalSet("classifies", in: &context) ?? []
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let id, let title, let area, let maxAI else { return nil }
        if clinical, maxAI == .aiDelegated, let node = node["maxAI"] {
            context.error(.invalidValue, "a clinical task cannot be ai-delegated", at: node,
                          pointer: JSONPointer.appending("maxAI", to: pointer),
                          hint: "ai-delegated is for logistics only; mark the task clinical: false if it involves no clinical judgement")
        }
        return PolicyTask(id: id, title: title, area: area, maxAI: maxAI, rationale: rationale, requires: requires,
                          clinical: clinical, classifies: classifies, cite: cite, pointer: pointer)
    }
}
