import TacetYAML

/// What a policy says about trainees (`supervision`): the roster roles whose AI use a supervisor
/// reviews whatever the task's own review asks, and the roles that may review it.
///
/// Roles are the `role` of the roster's Therapist documents. A policy without `supervision` supervises
/// no role, so `performer.supervised` is false for everyone in the roster. A layer adds supervised roles
/// and may narrow the supervisors; it cannot drop a supervised role or add a supervisor role.
public struct SupervisionSettings: Sendable, Hashable, NodeDecodable {
    /// The roles whose AI use needs a supervisor's review, e.g. `intern`, `student`.
    public var roles: [String]
    /// The roles that review it, e.g. `supervisor`.
    public var supervisors: [String]
    /// Citation ids for the rule.
    public var cite: [String]
    /// Where the block is in its document.
    public var pointer: String

    /// Creates settings.
    public init(roles: [String], supervisors: [String], cite: [String] = [], pointer: String = "/supervision") {
        self.roles = roles
        self.supervisors = supervisors
        self.cite = cite
        self.pointer = pointer
    }

    /// Decodes the `supervision` block strictly: unknown keys and wrong types are diagnosed in `context`.
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> SupervisionSettings? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "the supervision settings", in: &context) else { return nil }
        let roles: [String]? = fields.requiredSet("roles", in: &context)
        let supervisors: [String]? = fields.requiredSet("supervisors", in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let roles, let supervisors else { return nil }
        // A role both supervised and supervising would let trainees review each other.
        for (index, role) in supervisors.enumerated() where roles.contains(role) {
            let at = JSONPointer.appending("supervisors", to: pointer) + "/\(index)"
            context.error(.invalidValue, "role '\(role)' is both supervised and a supervisor", at: node.node(at: "/supervisors/\(index)") ?? node,
                          pointer: at, hint: "a supervised role's AI use is reviewed by another role")
        }
        return SupervisionSettings(roles: roles, supervisors: supervisors, cite: cite, pointer: pointer)
    }
}
