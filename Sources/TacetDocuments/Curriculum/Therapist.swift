import TacetYAML

/// A therapist's profile: credential cycle, levels per area, targets, completed education, budget.
public struct Therapist: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.therapist

    /// The document's metadata; `metadata.name` is the roster id workflows use.
    public var metadata: Metadata
    /// The therapist's display name.
    public var name: String
    /// Their role, e.g. `music-therapist`, `supervisor`, `intern`.
    public var role: String
    /// Their credential and cycle: the certification continuing education is planned for; nil for someone
    /// who holds none yet (an intern, a student), for whom nothing is planned.
    public var credential: Credential?
    /// The other credentials they hold (a state licence, NMT, a registration abroad), by name; the
    /// policy's recognised credentials are matched against these and `credential`'s name.
    public var credentials: [String] = []
    /// Current level per competency area.
    public var levels: [String: CompetencyLevel]
    /// Target level per competency area.
    public var targets: [String: CompetencyLevel]
    /// Continuing education completed in this cycle.
    public var completed: [CompletedCourse]
    /// The professional activities open to them this cycle (committee service, supervising an intern), by
    /// their ids in the Requirements' `activities`: the planner plans only these.
    public var activities: [String] = []
    /// Yearly budget.
    public var budget: Budget?
    /// The workflows they are assigned to, by name.
    public var workflows: [String]

    /// The roster id.
    public var id: String { metadata.name }

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> Therapist? {
        let name: String? = fields.required("name", in: &context)
        let role: String? = fields.required("role", in: &context)
        let credential: Credential? = fields.optional("credential", in: &context)
        let levels: [String: CompetencyLevel]? = fields.required("levels", in: &context)
        let targets: [String: CompetencyLevel] = fields.optional("targets", default: [:], in: &context)
        let completed: [CompletedCourse] = fields.optional("completed", default: [], in: &context)
        let budget: Budget? = fields.optional("budget", in: &context)
        let workflows: [String] = fields.optionalSet("workflows", in: &context) ?? []
        let credentials: [String] = fields.optionalSet("credentials", in: &context) ?? []
        let activities: [String] = fields.optionalSet("activities", in: &context) ?? []
        guard let name, let role, let levels else { return nil }
        return Therapist(metadata: metadata, name: name, role: role, credential: credential, credentials: credentials, levels: levels,
                         targets: targets, completed: completed, activities: activities, budget: budget, workflows: workflows)
    }

    /// Every credential they hold: `credential`'s name (if any), then `credentials` (without repeating it).
    public var heldCredentials: [String] {
        (credential.map { [$0.name] } ?? []) + credentials.filter { $0 != credential?.name }
    }
}
