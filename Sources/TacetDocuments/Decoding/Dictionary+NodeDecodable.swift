import TacetYAML

extension Dictionary: NodeDecodable where Key == String, Value: NodeDecodable {
    /// A mapping from string keys to values; values that fail are reported and left out.
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> [String: Value]? {
        guard let entries = node.mapping else {
            typeMismatch("a mapping", node, pointer(), &context)
            return nil
        }
        var result: [String: Value] = [:]
        for entry in entries {
            let key = entry.key.scalar?.value ?? ""
            if let value = Value.decode(entry.value, at: JSONPointer.appending(key, to: pointer()), in: &context) {
                result[key] = value
            }
        }
        return result
    }
}
