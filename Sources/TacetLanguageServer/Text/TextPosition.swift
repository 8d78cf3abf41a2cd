import TacetPluginProtocol

/// A position as LSP counts it: a 0-based line and a 0-based offset in UTF-16 code units.
package struct TextPosition: Sendable, Hashable, Comparable {
    /// The 0-based line.
    package var line: Int
    /// The 0-based character offset in UTF-16 code units.
    package var character: Int

    /// Creates a position.
    package init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// Reads an LSP `Position` object; nil when it is not one.
    package init?(_ value: JSONValue?) {
        guard let line = value?["line"]?.numberValue, let character = value?["character"]?.numberValue,
              line >= 0, character >= 0, line < 1e9, character < 1e9 else { return nil }
        self.init(line: Int(line), character: Int(character))
    }

    /// The LSP `Position` object.
    package var json: JSONValue { .object(["line": .number(Double(line)), "character": .number(Double(character))]) }

    /// Orders by line, then character.
    package static func < (lhs: TextPosition, rhs: TextPosition) -> Bool { (lhs.line, lhs.character) < (rhs.line, rhs.character) }
}
