/// The type a scalar resolves to under the YAML 1.2 core schema (or its explicit core tag).
public enum ScalarKind: String, Sendable, Hashable, Codable {
    /// `null`, `~` or empty.
    case null
    /// `true` or `false` in one of their three spellings.
    case bool
    /// Decimal, `0o` octal or `0x` hexadecimal.
    case int
    /// A decimal fraction or exponent, `.inf` or `.nan`.
    case float
    /// Anything else, and every quoted or block scalar.
    case string
}
