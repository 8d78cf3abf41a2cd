import TacetDiagnostics
import TacetDocuments
import TacetReports

/// Where `handbook` and `notice` write their document: HTML or Markdown, chosen by the file's extension.
package enum PlainOutput {
    /// The format `path`'s extension names: `.html`/`.htm` or `.md`/`.markdown`; nil for any other.
    package static func isMarkdown(_ path: String) -> Bool? {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return false }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return true }
        return nil
    }

    /// Writes `document` to `path` atomically, as HTML or Markdown by its extension, never over any of `inputs`.
    static func write(_ document: PlainDocument, to path: String, inputs: [String]) throws(DiagnosticError) {
        guard let markdown = isMarkdown(path) else {
            throw DiagnosticError(.error(IOErrorCode.write, "cannot tell the format of '\(path)': name an .html or .md file",
                                         at: nil, hint: "e.g. --output handbook.html, or --output handbook.md for a wiki"))
        }
        try FileIO.writeAtomically(markdown ? document.markdown() : document.html(), to: path, inputs: inputs)
    }
}
