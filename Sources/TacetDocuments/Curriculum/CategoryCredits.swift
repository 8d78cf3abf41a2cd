import TacetYAML

/// A number of credits in one category, or in one topic within it: a minimum or a cap.
public struct CategoryCredits: Sendable, Hashable, NodeDecodable {
    /// The credit category.
    public var category: String
    /// The topic within the category the amount counts, e.g. `ethics` (CBMT counts its 3 ethics credits
    /// inside Continuing Music Therapy Education); nil: the whole category.
    public var topic: String?
    /// The credits.
    public var credits: Double

    /// Creates an amount.
    public init(category: String, topic: String? = nil, credits: Double) {
        self.category = category
        self.topic = topic
        self.credits = credits
    }

    /// How the amount is named in plans and findings: `ethics credits within continuing-music-therapy-education`.
    public var label: String {
        topic.map { "\($0) credits within \(category)" } ?? "\(category) credits"
    }

    /// Whether credits of `category` with `topics` count toward this amount.
    public func counts(category: String, topics: [String]) -> Bool {
        category == self.category && (topic.map(topics.contains) ?? true)
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> CategoryCredits? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a category amount", in: &context) else { return nil }
        let category: String? = fields.required("category", in: &context)
        let topic: String? = fields.optional("topic", in: &context)
        let credits: Double? = fields.required("credits", in: &context)
        fields.finish(&context)
        guard let category, let credits else { return nil }
        if credits < 0 {
            context.error(.invalidValue, "credits cannot be negative", at: node["credits"] ?? node,
                          pointer: JSONPointer.appending("credits", to: pointer))
        }
        return CategoryCredits(category: category, topic: topic, credits: credits)
    }
}
