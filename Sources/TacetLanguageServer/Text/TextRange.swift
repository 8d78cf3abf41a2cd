import TacetPluginProtocol

/// An LSP `Range`: from `start` up to, not including, `end`.
package struct TextRange: Sendable, Hashable {
    /// Where it starts.
    package var start: TextPosition
    /// Where it ends (exclusive).
    package var end: TextPosition

    /// Creates a range.
    package init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }

    /// Reads an LSP `Range` object; nil when it is not one or ends before it starts.
    package init?(_ value: JSONValue?) {
        guard let start = TextPosition(value?["start"]), let end = TextPosition(value?["end"]), start <= end else { return nil }
        self.init(start: start, end: end)
    }

    /// Whether `position` is inside the range (its end included, as editors place a cursor after a word).
    package func contains(_ position: TextPosition) -> Bool { start <= position && position <= end }

    /// The LSP `Range` object.
    package var json: JSONValue { .object(["start": start.json, "end": end.json]) }
}
