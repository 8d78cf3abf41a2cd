/// A position in a source file.
///
/// Lines and columns are 1-based. A column counts Unicode scalar values from the start of the line
/// (a tab counts as one), which is how libyaml counts.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// The file's path as the user gave it, or a label such as `<stdin>`.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in Unicode scalar values.
    public var column: Int
    /// Creates a location; `line` and `column` are 1-based.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals turn into links.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column, so diagnostics print in reading order.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
