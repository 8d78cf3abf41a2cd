/// A document's text with its lines found once, converting between Tacet's positions (1-based lines and
/// columns counted in Unicode scalars, as libyaml counts) and LSP's (0-based, columns in UTF-16 code units).
///
/// Lines end at LF, CR or CRLF, as both libyaml and LSP count them.
package struct SourceText: Sendable {
    /// The whole text.
    package let text: String
    /// Where each line starts, in the text's scalars; the first is the text's start.
    private let lineStarts: [String.Index]

    /// Indexes `text`.
    package init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
            if scalar == "\n" || scalar == "\r" { starts.append(index) }
        }
        lineStarts = starts
    }

    /// Indexes text held as UTF-8 bytes (invalid sequences read as U+FFFD, as the YAML reader refuses them anyway).
    package init(bytes: [UInt8]) { self.init(String(decoding: bytes, as: UTF8.self)) }

    /// How many lines the text has (an empty text has one).
    package var lineCount: Int { lineStarts.count }

    /// Line `line` (0-based) without its line break; empty past the end.
    package func line(_ line: Int) -> Substring.UnicodeScalarView {
        guard line >= 0, line < lineStarts.count else { return Substring("").unicodeScalars }
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : text.endIndex
        let scalars = text.unicodeScalars
        // Step back over the line break (CRLF, LF or CR).
        if end > start, line + 1 < lineStarts.count {
            end = scalars.index(before: end)
            if end > start, scalars[end] == "\n", scalars[scalars.index(before: end)] == "\r" { end = scalars.index(before: end) }
        }
        return Substring(text[start..<end]).unicodeScalars
    }

    /// The LSP position of Tacet's 1-based `line` and `column` (in scalars), clamped to the text.
    package func position(line: Int, column: Int) -> TextPosition {
        let row = min(max(line - 1, 0), lineCount - 1)
        let scalars = self.line(row)
        var units = 0
        for scalar in scalars.prefix(max(column - 1, 0)) { units += UTF16.width(scalar) }
        return TextPosition(line: row, character: units)
    }

    /// The 1-based scalar column of an LSP position on its line, rounded down inside a surrogate pair and
    /// clamped to the line's end (as LSP says a position past it means).
    package func column(of position: TextPosition) -> Int {
        var units = 0
        var column = 1
        for scalar in line(position.line) {
            let width = UTF16.width(scalar)
            if units + width > position.character { break }
            units += width
            column += 1
        }
        return column
    }

    /// The index in ``text`` of an LSP position (clamped like ``column(of:)``); past the last line, the end.
    package func index(of position: TextPosition) -> String.Index {
        guard position.line < lineCount else { return text.endIndex }
        let scalars = line(position.line)
        var index = scalars.startIndex
        var units = 0
        while index < scalars.endIndex {
            let width = UTF16.width(scalars[index])
            if units + width > position.character { break }
            units += width
            index = scalars.index(after: index)
        }
        return index
    }

    /// The range a diagnostic at Tacet's `line` and `column` underlines: the token starting there (a quoted
    /// scalar, a flow collection, or a plain word up to `,`, `]`, `}`, `: ` or ` #`), on that line only;
    /// at least one character when the line has one there.
    package func tokenRange(line: Int, column: Int) -> TextRange {
        let start = position(line: line, column: column)
        let scalars = Array(self.line(start.line).dropFirst(max(column - 1, 0)))
        var length = Self.tokenLength(scalars)
        if length == 0, !scalars.isEmpty { length = 1 }
        let units = scalars.prefix(length).reduce(0) { $0 + UTF16.width($1) }
        return TextRange(start: start, end: TextPosition(line: start.line, character: start.character + units))
    }

    /// How many scalars of `scalars` (the rest of a line) the token at its start takes.
    private static func tokenLength(_ scalars: [Unicode.Scalar]) -> Int {
        guard let first = scalars.first else { return 0 }
        switch first {
        case "\"", "'":
            var index = 1
            while index < scalars.count {
                if first == "\"", scalars[index] == "\\" { index += 2; continue }
                if scalars[index] == first {
                    if first == "'", index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                    return index + 1
                }
                index += 1
            }
            return scalars.count
        case "[", "{":
            var depth = 0
            for (index, scalar) in scalars.enumerated() {
                if scalar == "[" || scalar == "{" { depth += 1 }
                if scalar == "]" || scalar == "}" { depth -= 1 }
                if depth == 0 { return index + 1 }
            }
            return scalars.count
        default:
            var end = 0
            while end < scalars.count {
                let scalar = scalars[end]
                if scalar == "," || scalar == "]" || scalar == "}" { break }
                let next = end + 1 < scalars.count ? scalars[end + 1] : " "
                if scalar == ":", next == " " || next == "\t" { break }
                if scalar == " " || scalar == "\t", next == "#" { break }
                end += 1
            }
            while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
            return end
        }
    }
}
