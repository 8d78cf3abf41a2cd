import TacetYAML

/// A rule's `when`: data, not code. `all`, `any` and `not` combine tests of one fact each.
public indirect enum Condition: Sendable, Hashable, NodeDecodable {
    /// Every condition holds.
    case all([Condition], pointer: String)
    /// At least one condition holds.
    case any([Condition], pointer: String)
    /// The condition does not hold.
    case not(Condition, pointer: String)
    /// `{fact, operator, value}`; `value` is kept as a node so the engine can type-check it against the fact.
    case test(fact: String, operator: ConditionOperator, value: Node?, pointer: String)

    /// Where the condition is in its document.
    public var pointer: String {
        switch self {
        case .all(_, let pointer), .any(_, let pointer), .not(_, let pointer), .test(_, _, _, let pointer): pointer
        }
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Condition? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a condition", in: &context) else { return nil }
        let keys = node.mapping?.compactMap { $0.key.scalar?.value } ?? []
        let combinators = keys.filter { ["all", "any", "not"].contains($0) }
        if combinators.count > 1 || (combinators.count == 1 && keys.count > 1) {
            context.error(.invalidValue, "a condition has exactly one of all, any, not, or fact/operator/value",
                          at: node, pointer: pointer, hint: "nest conditions under all: [...] to combine them")
            return nil
        }
        switch combinators.first {
        case "all":
            let items: [Condition]? = fields.required("all", in: &context)
            fields.finish(&context)
            return items.map { .all($0, pointer: pointer) }
        case "any":
            let items: [Condition]? = fields.required("any", in: &context)
            fields.finish(&context)
            return items.map { .any($0, pointer: pointer) }
        case "not":
            let inner: Condition? = fields.required("not", in: &context)
            fields.finish(&context)
            return inner.map { .not($0, pointer: pointer) }
        default:
            let fact: String? = fields.required("fact", in: &context)
            let op: ConditionOperator? = fields.required("operator", in: &context)
            let value = fields.raw("value")
            fields.finish(&context)
            guard let fact, let op else { return nil }
            if value == nil, op != .exists {
                context.error(.missingKey, "operator '\(op.rawValue)' needs a value", at: node, pointer: pointer)
                return nil
            }
            return .test(fact: fact, operator: op, value: value, pointer: pointer)
        }
    }
}
