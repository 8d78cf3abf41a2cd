/// A file the loader left for the checker to load when it gets to it: a document that only needs
/// checking (a workflow, a learning plan), read, checked and released one at a time so that a run's
/// memory follows its largest file, not the number of its files.
public struct DeferredFile: Sendable, Hashable {
    /// The file, as the loader named it.
    public var file: String
    /// The kind its top-level `kind` key declares; the full load decides what it really holds.
    public var kind: DocumentKind
    /// Its place among the workspace's ``Workspace/files``, so that no lookup by path is needed to order it.
    public var order: Int
    /// Its size in bytes when it was looked at: what a plugin batch of it is planned by.
    public var size: Int

    /// Creates the record of a deferred file.
    public init(file: String, kind: DocumentKind, order: Int = 0, size: Int = 0) {
        self.file = file
        self.kind = kind
        self.order = order
        self.size = size
    }
}
