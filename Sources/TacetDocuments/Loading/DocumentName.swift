import TacetDiagnostics

/// A document's kind and name with where the name is written: what tells two documents of one kind
/// with one name apart, kept after the document itself is released.
public struct DocumentName: Sendable, Hashable {
    /// The document's kind.
    public var kind: DocumentKind
    /// Its `metadata.name`.
    public var name: String
    /// Where the name is written (the document's start when the pointer finds nothing).
    public var location: SourceLocation

    /// The name of `document`.
    public init(_ document: LoadedDocument) {
        kind = document.kind
        name = document.name
        location = (document.root.node(at: "/metadata/name") ?? document.root).mark.location(in: document.file)
    }
}
