import TacetYAML

/// An AI tool the policy approves, with the data classes it may receive.
public struct ApprovedTool: Sendable, Hashable, NodeDecodable {
    /// The id workflows name in `tool:`.
    public var id: String
    /// A human title, for staff.
    public var title: String?
    /// What the client AI notice calls the tool, in words a client understands ("a note-writing
    /// assistant"); the notice falls back to `title`, with a warning, when it is absent.
    public var clientName: String?
    /// Whether a business associate agreement covers the vendor (needed for PHI).
    public var baa: Bool
    /// The data classes the tool may receive.
    public var data: [DataClass]
    /// Where the tool is in its document.
    public var pointer: String
    /// The vendor's terms (training on client data, retention, deletion, where data is held); nil when
    /// the policy does not record them, which makes the `tool.trainsOnClientData` and other terms facts absent.
    public var terms: VendorTerms? = nil

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> ApprovedTool? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a tool", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let title: String? = fields.optional("title", in: &context)
        let clientName: String? = fields.optional("clientName", in: &context)
        let baa: Bool? = fields.required("baa", in: &context)
        let data: [DataClass]? = fields.requiredSet("data", in: &context)
        let terms: VendorTerms? = fields.optional("terms", in: &context)
        fields.finish(&context)
        guard let id, let baa, let data else { return nil }
        return ApprovedTool(id: id, title: title, clientName: clientName, baa: baa, data: data, pointer: pointer, terms: terms)
    }
}
