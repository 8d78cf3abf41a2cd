import TacetYAML

/// A team's AI-use protocol: the steps it proposes, checked against the policy and the roster.
public struct Workflow: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.workflow

    /// The document's metadata (`team` names the team).
    public var metadata: Metadata
    /// The policy it is checked against, by name; the workspace's only policy when absent.
    public var policy: String?
    /// Where the work happens, e.g. inpatient pediatrics.
    public var setting: String?
    /// Whom it serves.
    public var population: String?
    /// The steps, in order.
    public var steps: [WorkflowStep]

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> Workflow? {
        let policy: String? = fields.optional("policy", in: &context)
        let setting: String? = fields.optional("setting", in: &context)
        let population: String? = fields.optional("population", in: &context)
        let steps: [WorkflowStep]? = fields.required("steps", in: &context)
        guard let steps else { return nil }
        UniqueIDs.check(steps, id: \.id, pointer: \.pointer, what: "step", root: fields.node, in: &context)
        return Workflow(metadata: metadata, policy: policy, setting: setting, population: population, steps: steps)
    }
}
