import TacetYAML

/// A task's review requirement as a policy document writes it: in a base policy whole, in a layer
/// possibly only the parts it changes (`review: {minLevel: proficient}`), the rest inherited.
public struct ReviewStatement: Sendable, Hashable, NodeDecodable {
    /// The reviewer's role, when stated.
    public var role: String?
    /// The competency area the level is measured in, when stated.
    public var area: String?
    /// The lowest level the reviewer may have, when stated.
    public var minLevel: CompetencyLevel?
    /// Where the review is in its document.
    public var pointer: String

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> ReviewStatement? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a review requirement", in: &context) else { return nil }
        let role: String? = fields.optional("role", in: &context)
        let area: String? = fields.optional("area", in: &context)
        let minLevel: CompetencyLevel? = fields.optional("minLevel", in: &context)
        fields.finish(&context)
        return ReviewStatement(role: role, area: area, minLevel: minLevel, pointer: pointer)
    }

    /// The parts this statement writes.
    public var fields: [TaskField] {
        [(TaskField.reviewRole, role != nil), (.reviewArea, area != nil), (.reviewMinLevel, minLevel != nil)]
            .compactMap { $1 ? $0 : nil }
    }

    /// The review in force: the stated parts over `base`'s; nil when role or minLevel is in neither.
    public func review(over base: ReviewRequirement?) -> ReviewRequirement? {
        guard let role = role ?? base?.role, let minLevel = minLevel ?? base?.minLevel else { return nil }
        return ReviewRequirement(role: role, area: area ?? base?.area, minLevel: minLevel)
    }

    /// The required keys neither this statement nor `base` gives.
    public func missingKeys(over base: ReviewRequirement?) -> [String] {
        ((role ?? base?.role) == nil ? ["role"] : []) + ((minLevel ?? base?.minLevel) == nil ? ["minLevel"] : [])
    }
}
