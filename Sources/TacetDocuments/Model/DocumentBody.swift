/// A document kind's content, decoded from the top-level mapping after `apiVersion`, `kind` and `metadata`.
public protocol DocumentBody: Sendable {
    /// The `kind:` this body is written under.
    static var kind: DocumentKind { get }
    /// Decodes the kind's own keys from the document's top-level fields.
    static func decodeBody(_ fields: inout MappingFields, metadata: Metadata, in context: inout DecodingContext) -> Self?
}
