import TacetYAML

/// A number of credits in one category: a minimum or a cap.
public struct CategoryCredits: Sendable, Hashable, NodeDecodable {
    /// The credit category.
    public var category: String
    /// The credits.
    public var credits: Double

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> CategoryCredits? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a category amount", in: &context) else { return nil }
        let category: String? = fields.required("category", in: &context)
        let credits: Double? = fields.required("credits", in: &context)
        fields.finish(&context)
        guard let category, let credits else { return nil }
        return CategoryCredits(category: category, credits: credits)
    }
}
