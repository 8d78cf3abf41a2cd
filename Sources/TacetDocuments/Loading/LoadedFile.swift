import TacetDiagnostics

/// One file read, parsed and decoded: its document when it holds a valid one, else what it declared.
public struct LoadedFile: Sendable {
    /// The file, as the loader named it.
    public var file: String
    /// The file's bytes, when they could be read and are within the size limit.
    public var bytes: [UInt8]?
    /// Every problem found reading, parsing and decoding it.
    public var diagnostics: [Diagnostic]
    /// The valid document it holds.
    public var document: LoadedDocument?
    /// The kind the file declared, when it parsed; what a summary counts a file that did not decode as.
    public var kind: DocumentKind?
    /// The name the file declared, when it parsed; a reference to it can then point at this file.
    public var name: String?

    /// The record of the file for a workspace's ``Workspace/unloaded`` list, when it holds no valid document.
    public var unloaded: UnloadedFile? {
        document == nil ? UnloadedFile(file: file, kind: kind, name: name) : nil
    }

    /// Creates the record of a loaded file.
    public init(file: String, bytes: [UInt8]?, diagnostics: [Diagnostic], document: LoadedDocument? = nil,
                kind: DocumentKind? = nil, name: String? = nil) {
        self.file = file
        self.bytes = bytes
        self.diagnostics = diagnostics
        self.document = document
        self.kind = kind
        self.name = name
    }
}
