/// A file that held no valid document: it could not be read, did not parse, or did not decode. Its
/// error is among the workspace's diagnostics; this says what the run left out, so a summary can.
public struct UnloadedFile: Sendable, Hashable {
    /// The file, as the loader named it.
    public var file: String
    /// The kind the file declared (`kind: Workflow`), when it parsed far enough to say; nil otherwise.
    public var kind: DocumentKind?

    /// Creates the record of an unloaded file.
    public init(file: String, kind: DocumentKind? = nil) {
        self.file = file
        self.kind = kind
    }
}
