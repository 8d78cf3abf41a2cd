/// A file that held no valid document: it could not be read, did not parse, or did not decode. Its
/// error is among the workspace's diagnostics; this says what the run left out, so a summary can.
public struct UnloadedFile: Sendable, Hashable {
    /// The file, as the loader named it.
    public var file: String
    /// The kind the file declared (`kind: Workflow`), when it parsed far enough to say; nil otherwise.
    public var kind: DocumentKind?
    /// The name the file declared (`metadata.name`), when it parsed far enough to say; nil otherwise.
    /// A reference to that name can then point at this file instead of saying the name is unknown.
    public var name: String?

    /// Creates the record of an unloaded file.
    public init(file: String, kind: DocumentKind? = nil, name: String? = nil) {
        self.file = file
        self.kind = kind
        self.name = name
    }
}
