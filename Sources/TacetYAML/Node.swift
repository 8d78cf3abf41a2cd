/// A YAML node with the position it starts at: the tree every Tacet document is decoded from.
///
/// Aliases are expanded into copies of the anchored node (bounded by ``YAMLLimits``), and keep that
/// node's marks, so an error inside aliased content points at where the content is written.
public struct Node: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar.
        case scalar(Scalar)
        /// A sequence, in order.
        case sequence([Node])
        /// A mapping, in source order.
        case mapping([MappingEntry])
    }

    /// A tag or anchor, boxed: almost no node has one, and every node would otherwise pay 32 bytes.
    private enum Annotations: Sendable, Hashable {
        indirect case value(tag: String?, anchor: String?)
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var mark: Mark
    private var annotations: Annotations?

    /// The explicit tag in short form (`!!str`), when one was written.
    public var tag: String? {
        if case .value(let tag, _)? = annotations { return tag }
        return nil
    }

    /// The anchor name, when one was written.
    public var anchor: String? {
        if case .value(_, let anchor)? = annotations { return anchor }
        return nil
    }

    /// Creates a node.
    public init(_ content: Content, mark: Mark, tag: String? = nil, anchor: String? = nil) {
        self.content = content
        self.mark = mark
        annotations = tag == nil && anchor == nil ? nil : .value(tag: tag, anchor: anchor)
    }

    /// The scalar, if this is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, if this is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries, if this is a mapping.
    public var mapping: [MappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The scalar's text when this is a string-like scalar (not null), for keys and ids.
    public var string: String? {
        guard let scalar, scalar.kind != .null else { return nil }
        return scalar.value
    }

    /// The value for `key` when this is a mapping (keys compare by their text).
    public subscript(key: String) -> Node? {
        // By bytes, as duplicate keys are told apart: `é` and `e` with a combining accent are two keys,
        // though Swift's == calls them equal. == first, as it is fast; bytes only on a match.
        mapping?.first { entry in
            guard let value = entry.key.scalar?.value else { return false }
            return value == key && value.utf8.elementsEqual(key.utf8)
        }?.value
    }

    /// A short noun for the node's shape, for error messages: "a mapping", "a string", ...
    public var shapeDescription: String {
        switch content {
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: "null"
            case .bool: "a boolean"
            case .int: "an integer"
            case .float: "a number"
            case .string: "a string"
            }
        }
    }
}
