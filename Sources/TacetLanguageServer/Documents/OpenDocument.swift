import TacetPluginProtocol

/// A document the client has open: its unsaved text, which is checked instead of the file on disk.
package struct OpenDocument: Sendable {
    /// The client's URI for it.
    package var uri: String
    /// The path Tacet names it by (``DocumentURI/path(of:)``).
    package var path: String
    /// The client's version of the text, echoed in its diagnostics.
    package var version: Int?
    /// The text as the client has it now.
    package private(set) var text: String

    /// A document opened with `text`.
    package init(uri: String, version: Int?, text: String) {
        self.uri = uri
        path = DocumentURI.path(of: uri)
        self.version = version
        self.text = text
    }

    /// Applies one `TextDocumentContentChangeEvent`: the whole text when it has no range, else its
    /// range (UTF-16 positions) replaced. False when the change is not one.
    package mutating func apply(_ change: JSONValue) -> Bool {
        guard let replacement = change["text"]?.stringValue else { return false }
        guard let rangeValue = change["range"] else {
            text = replacement
            return true
        }
        guard let range = TextRange(rangeValue) else { return false }
        let source = SourceText(text)
        let lower = source.index(of: range.start)
        let upper = max(lower, source.index(of: range.end))
        // On the scalars: String's own replaceSubrange rounds to whole characters, and an edit may
        // add a combining mark to the letter before it.
        text.unicodeScalars.replaceSubrange(lower..<upper, with: replacement.unicodeScalars)
        return true
    }

    /// The text as UTF-8 bytes, what the loader reads.
    package var bytes: [UInt8] { Array(text.utf8) }
}
