/// A scalar node's text, how it was written, and what it resolves to.
public struct Scalar: Sendable, Hashable {
    /// The scalar's text after YAML unescaping and folding.
    public var value: String
    /// How it was written.
    public var style: ScalarStyle
    /// What it resolves to under the core schema.
    public var kind: ScalarKind

    /// Creates a scalar.
    public init(value: String, style: ScalarStyle, kind: ScalarKind) {
        self.value = value
        self.style = style
        self.kind = kind
    }

    /// The boolean value, when the scalar resolves to a bool.
    public var bool: Bool? {
        guard kind == .bool else { return nil }
        return CoreSchema.bool(value)
    }

    /// The integer value, when the scalar resolves to an int that fits in `Int`.
    public var int: Int? {
        guard kind == .int else { return nil }
        return CoreSchema.int(value)
    }

    /// The floating-point value, when the scalar resolves to an int or a float.
    public var double: Double? {
        switch kind {
        case .float: CoreSchema.double(value)
        case .int: CoreSchema.int(value).map(Double.init)
        default: nil
        }
    }
}
