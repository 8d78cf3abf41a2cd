import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// Parses and decodes `text` as the file `file`, failing the test on a YAML error.
func decode(_ text: String, file: String = "test.yaml") throws -> (document: LoadedDocument?, diagnostics: [Diagnostic]) {
    let root = try YAMLParser().parse(text)
    return DocumentDecoder.decode(root, file: file)
}

extension Array where Element == Diagnostic {
    /// The diagnostics with `code`.
    func with(_ code: DocumentErrorCode) -> [Diagnostic] { filter { $0.code == code.rawValue } }
}
