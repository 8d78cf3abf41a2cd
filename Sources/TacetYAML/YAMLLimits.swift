/// Bounds that keep hostile input from exhausting time or memory; each error names the one it hit.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest input accepted, in bytes. Default 16 MiB: policies and rosters are far smaller.
    public var maxInputBytes: Int
    /// The deepest nesting of sequences and mappings, aliases expanded. Default 256.
    public var maxDepth: Int
    /// The most nodes a document may hold as written (scalars, sequences, mappings). Default 250,000.
    public var maxNodes: Int
    /// The most nodes aliases may add when expanded, across the document. Default 100,000; this is
    /// what stops a "billion laughs" document long before it grows.
    public var maxAliasExpansion: Int
    /// The most bytes of scalar text aliases may add when expanded, across the document. Default 1 MiB:
    /// under the node limit alone, a long scalar aliased 100,000 times would still grow gigabytes of
    /// text for whatever writes the tree out (`tacet convert`, the JSON a plugin is sent).
    public var maxAliasBytes: Int

    /// Creates limits; the defaults suit every shipped document kind with a wide margin.
    public init(
        maxInputBytes: Int = 16 * 1024 * 1024,
        maxDepth: Int = 256,
        maxNodes: Int = 250_000,
        maxAliasExpansion: Int = 100_000,
        maxAliasBytes: Int = 1 << 20
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxAliasExpansion = maxAliasExpansion
        self.maxAliasBytes = maxAliasBytes
    }

    /// The defaults.
    public static let `default` = YAMLLimits()
}
