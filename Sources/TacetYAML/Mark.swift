import TacetDiagnostics

/// Where a node or an error starts in the YAML source.
///
/// `line` and `column` are 1-based; a column counts Unicode scalar values, as libyaml does (a tab
/// counts as one). `index` is the 0-based count of Unicode scalars before the mark (a leading BOM
/// counts as one), which is what libyaml reports; it orders marks within a file.
public struct Mark: Sendable, Hashable, Comparable {
    // Stored in 32 bits: a node holds a mark, and documents hold millions of nodes. Inputs are
    // bounded far below 2^31 characters by YAMLLimits.maxInputBytes.
    private var storedLine: UInt32
    private var storedColumn: UInt32
    private var storedIndex: UInt32

    /// The 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    /// The 1-based column, in Unicode scalar values.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// The 0-based index in Unicode scalars from the start of the input.
    public var index: Int {
        get { Int(storedIndex) }
        set { storedIndex = UInt32(clamping: newValue) }
    }

    /// Creates a mark from 1-based line and column.
    public init(line: Int, column: Int, index: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
        storedIndex = UInt32(clamping: index)
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
