import TacetYAML

/// One of the occupation's O*NET task statements, which the policy must classify.
public struct OnetTask: Sendable, Hashable, NodeDecodable {
    /// A short id.
    public var id: String
    /// The task statement as O*NET words it.
    public var title: String
    /// Citation ids.
    public var cite: [String]

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> OnetTask? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "an O*NET task", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let title: String? = fields.required("title", in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let id, let title else { return nil }
        return OnetTask(id: id, title: title, cite: cite)
    }
}
