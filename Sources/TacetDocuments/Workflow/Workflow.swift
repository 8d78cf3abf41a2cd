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

    // Who consents, and for how many clients at once (issue 18).
    /// The ages of the clients it serves; nil when not stated.
    public var ageBand: AgeBand? = nil
    /// Whether its clients may consent for themselves; nil when not stated.
    public var selfConsent: Bool? = nil
    /// Whether its sessions serve one client or a group (`individual` when not stated).
    public var format: SessionFormat = .individual

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> Workflow? {
        let policy: String? = fields.optional("policy", in: &context)
        let setting: String? = fields.optional("setting", in: &context)
        let population: String? = fields.optional("population", in: &context)
        let ageBand: AgeBand? = fields.optional("ageBand", in: &context)
        let selfConsent: Bool? = fields.optional("selfConsent", in: &context)
        let format: SessionFormat = fields.optional("format", default: .individual, in: &context)
        let steps: [WorkflowStep]? = fields.required("steps", in: &context)
        guard let steps else { return nil }
        UniqueIDs.check(steps, id: \.id, pointer: \.pointer, what: "step", root: fields.node, in: &context)
        return Workflow(metadata: metadata, policy: policy, setting: setting, population: population, steps: steps,
                        ageBand: ageBand, selfConsent: selfConsent, format: format)
    }
}
