import TacetDiagnostics

/// Problems reading and writing files: `io.*` codes, each an input error that names the file and the
/// operating system's reason.
public enum IOErrorCode: String, Sendable, CaseIterable, DiagnosticCode {
    case read = "io.read"
    case write = "io.write"
    case overwriteInput = "io.overwrite-input"
    case noDocuments = "io.no-documents"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .read: "a file or folder could not be read"
        case .write: "an output file could not be written"
        case .overwriteInput: "an output file would have replaced one of the inputs"
        case .noDocuments: "the paths given hold no .yaml or .yml file"
        }
    }

    /// The severity these codes are reported with.
    public var defaultSeverity: Severity { .error }
}
