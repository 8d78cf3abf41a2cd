import TacetYAML

/// The `metadata` block every document carries.
public struct Metadata: Sendable, Hashable, NodeDecodable {
    /// The document's id, unique among documents of its kind.
    public var name: String
    /// A human title.
    public var title: String?
    /// The document's own version, such as `"2026.11"`.
    public var version: String?
    /// What it is for.
    public var description: String?
    /// The team it belongs to.
    public var team: String?
    /// Who answers for it.
    public var owner: String?

    /// Creates metadata.
    public init(name: String, title: String? = nil, version: String? = nil, description: String? = nil,
                team: String? = nil, owner: String? = nil) {
        self.name = name
        self.title = title
        self.version = version
        self.description = description
        self.team = team
        self.owner = owner
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Metadata? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "metadata", in: &context) else { return nil }
        let name = fields.id("name", in: &context)
        let title: String? = fields.optional("title", in: &context)
        let version: String? = fields.optional("version", in: &context)
        let description: String? = fields.optional("description", in: &context)
        let team: String? = fields.optional("team", in: &context)
        let owner: String? = fields.optional("owner", in: &context)
        fields.finish(&context)
        guard let name else { return nil }
        return Metadata(name: name, title: title, version: version, description: description, team: team, owner: owner)
    }
}
