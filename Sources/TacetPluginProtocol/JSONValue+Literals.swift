extension JSONValue: ExpressibleByStringLiteral {
    /// A string written as a literal, so JSON trees read like JSON: `["kind": "Workflow"]`.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
