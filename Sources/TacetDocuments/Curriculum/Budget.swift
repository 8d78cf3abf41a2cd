import TacetYAML

/// What a therapist can spend on continuing education each year.
public struct Budget: Sendable, Hashable, NodeDecodable {
    /// Contact hours per year.
    public var hoursPerYear: Double
    /// Money per year, in `currency`.
    public var moneyPerYear: Double
    /// The currency of `moneyPerYear`.
    public var currency: String

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Budget? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a budget", in: &context) else { return nil }
        let hours: Double? = fields.required("hoursPerYear", in: &context)
        let money: Double? = fields.required("moneyPerYear", in: &context)
        let currency = fields.optional("currency", default: "USD", in: &context)
        fields.finish(&context)
        guard let hours, let money else { return nil }
        for (key, value) in [("hoursPerYear", hours), ("moneyPerYear", money)] where value < 0 {
            context.error(.invalidValue, "\(key) cannot be negative", at: node[key] ?? node,
                          pointer: JSONPointer.appending(key, to: pointer))
        }
        return Budget(hoursPerYear: hours, moneyPerYear: money, currency: currency)
    }
}
