import TacetDiagnostics
import TacetYAML

/// Everything loaded from the paths of one run: the valid documents, every diagnostic, and the
/// bytes of each file read (so diagnostics can show source lines).
public struct Workspace: Sendable {
    /// The documents that decoded without error, in path order.
    public var documents: [LoadedDocument]
    /// Every problem found, in file order.
    public var diagnostics: [Diagnostic]
    /// The bytes of each file read, by path.
    public var sources: [String: [UInt8]]
    /// The files that were looked at.
    public var files: [String]
    /// The files among ``files`` that held no valid document, in file order: what a run could not check.
    public var unloaded: [UnloadedFile] = []
    /// The files among ``files`` left for the checker to load one at a time (``WorkspaceLoader/load(_:deferring:)``),
    /// in file order: neither their documents nor their bytes are held here.
    public var deferred: [DeferredFile] = []
    /// The YAML bounds the files were read under, and deferred files are to be.
    public var limits: YAMLLimits = .default

    /// Creates a workspace; the loader builds them from files, tests from strings.
    public init(documents: [LoadedDocument], diagnostics: [Diagnostic] = [], sources: [String: [UInt8]] = [:],
                files: [String] = []) {
        self.documents = documents
        self.diagnostics = diagnostics
        self.sources = sources
        self.files = files
    }

    /// Whether any error was found.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The unloaded files that declared `kind`.
    public func unloaded(of kind: DocumentKind) -> [UnloadedFile] { unloaded.filter { $0.kind == kind } }

    /// The documents of one kind.
    public func documents(of kind: DocumentKind) -> [LoadedDocument] { documents.filter { $0.kind == kind } }
}
