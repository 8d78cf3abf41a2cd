/// A file the loader left for the checker to load when it gets to it: a document that only needs
/// checking (a workflow, a learning plan), read, checked and released one at a time so that a run's
/// memory follows its largest file, not the number of its files.
public struct DeferredFile: Sendable, Hashable {
    /// The file, as the loader named it.
    public var file: String
    /// The kind its top-level `kind` key declares; the full load decides what it really holds.
    public var kind: DocumentKind

    /// Creates the record of a deferred file.
    public init(file: String, kind: DocumentKind) {
        self.file = file
        self.kind = kind
    }
}
