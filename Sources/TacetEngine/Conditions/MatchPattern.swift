/// A regular expression for `matches`, compiled once when the policy is compiled.
public struct MatchPattern: @unchecked Sendable, Hashable {
    // @unchecked: Regex values are immutable after construction and safe to share across threads.
    /// The pattern as written.
    public let source: String
    let regex: Regex<AnyRegexOutput>

    /// Compiles `source`; throws when it is not a valid regular expression.
    public init(_ source: String) throws {
        self.source = source
        regex = try Regex(source)
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool { text.contains(regex) }

    public static func == (lhs: MatchPattern, rhs: MatchPattern) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
