/// How a scalar was written; only plain scalars are resolved to non-string types.
public enum ScalarStyle: String, Sendable, Hashable, Codable {
    /// Unquoted.
    case plain
    /// In single quotes.
    case singleQuoted
    /// In double quotes.
    case doubleQuoted
    /// A `|` block.
    case literal
    /// A `>` block.
    case folded
}
