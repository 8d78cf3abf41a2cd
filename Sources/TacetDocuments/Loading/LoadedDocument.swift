import TacetYAML

/// A document as loaded: its file, its node tree (for positions) and its decoded content.
public struct LoadedDocument: Sendable, Hashable {
    /// The file it came from, as the user named it.
    public var file: String
    /// The parsed node tree, for mapping JSON Pointers back to positions.
    public var root: Node
    /// The common metadata.
    public var metadata: Metadata
    /// The decoded content.
    public var document: Document

    /// The document's kind.
    public var kind: DocumentKind { document.kind }
    /// The document's name.
    public var name: String { metadata.name }
}
