/// A value to write as YAML: the output side of the YAML layer (parsed input is ``Node``).
public indirect enum YAMLValue: Sendable, Hashable {
    /// A string; written plain when that reads back as the same string, else double-quoted.
    case string(String)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// Null.
    case null
    /// A sequence.
    case sequence([YAMLValue])
    /// A mapping with keys in the order given.
    case mapping([(String, YAMLValue)])

    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        case let (.sequence(a), .sequence(b)): a == b
        case let (.mapping(a), .mapping(b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .double(let value): hasher.combine(value)
        case .bool(let value): hasher.combine(value)
        case .null: hasher.combine(0)
        case .sequence(let items): hasher.combine(items)
        case .mapping(let entries):
            for (key, value) in entries {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }
}
