import TacetYAML

/// What a policy says about credentials (`credentials`): the ones it recognises for practice, such as
/// MT-BC, a state licence or a registration abroad, matched against every credential a therapist's
/// profile lists.
///
/// A policy without `credentials` recognises none, and the `*.credentialRecognised` facts are absent:
/// rules that read them do not fire (`tacet lint` says so). A layer may narrow the list, never widen it.
public struct CredentialSettings: Sendable, Hashable, NodeDecodable {
    /// The credentials recognised, by the names profiles use, e.g. `MT-BC`.
    public var recognised: [String]
    /// Citation ids for the list.
    public var cite: [String]
    /// Where the block is in its document.
    public var pointer: String

    /// Creates settings.
    public init(recognised: [String], cite: [String] = [], pointer: String = "/credentials") {
        self.recognised = recognised
        self.cite = cite
        self.pointer = pointer
    }

    /// Decodes the `credentials` block strictly: unknown keys and wrong types are diagnosed in `context`.
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> CredentialSettings? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "the credential settings", in: &context) else { return nil }
        let recognised: [String]? = fields.requiredSet("recognised", in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let recognised else { return nil }
        return CredentialSettings(recognised: recognised, cite: cite, pointer: pointer)
    }
}
