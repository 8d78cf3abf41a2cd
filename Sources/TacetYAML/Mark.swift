import TacetDiagnostics

/// Where a node or an error starts in the YAML source.
///
/// `line` and `column` are 1-based; a column counts Unicode scalar values, as libyaml does (a tab
/// counts as one). `index` is the 0-based count of Unicode scalars before the mark (a leading BOM
/// counts as one), which is what libyaml reports; it orders marks within a file.
public struct Mark: Sendable, Hashable, Codable, Comparable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode scalar values.
    public var column: Int
    /// The 0-based index in Unicode scalars from the start of the input.
    public var index: Int

    /// Creates a mark from 1-based line and column.
    public init(line: Int, column: Int, index: Int) {
        self.line = line
        self.column = column
        self.index = index
    }

    /// The very start of a file.
    public static let start = Mark(line: 1, column: 1, index: 0)

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    /// This mark in a named file.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Orders by index, which follows reading order.
    public static func < (lhs: Mark, rhs: Mark) -> Bool { lhs.index < rhs.index }

    /// The mark of byte `offset` in `bytes`, counting line breaks as libyaml does (LF, CR, CRLF).
    public static func of(byteOffset offset: Int, in bytes: [UInt8]) -> Mark {
        var line = 1
        var column = 1
        var scalars = 0
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return Mark(line: line, column: column, index: scalars)
    }
}
