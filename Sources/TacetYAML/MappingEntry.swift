/// One key/value pair of a mapping, in source order.
public struct MappingEntry: Sendable, Hashable {
    /// The key; always a scalar (complex keys are refused when parsing).
    public var key: Node
    /// The value.
    public var value: Node

    /// Creates an entry.
    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}
