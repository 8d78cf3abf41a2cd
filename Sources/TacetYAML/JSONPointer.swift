/// RFC 6901 JSON Pointers into a node tree: how findings name the data they are about.
public enum JSONPointer {
    /// `pointer` extended by one reference token, escaped (`~` as `~0`, `/` as `~1`).
    public static func appending(_ token: String, to pointer: String) -> String {
        // Almost every token is a plain key; escaping is only paid for when it is needed.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return pointer + "/" + token
        }
        return pointer + "/" + token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// `pointer` extended by an array index.
    public static func appending(_ index: Int, to pointer: String) -> String { pointer + "/" + String(index) }

    /// The reference tokens of `pointer`, unescaped; nil when it is not a valid pointer.
    public static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { token in
            guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
            return String(token).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }
}

extension Node {
    /// The node `pointer` names, or nil when it names nothing; `""` is the node itself.
    public func node(at pointer: String) -> Node? {
        guard let tokens = JSONPointer.tokens(pointer) else { return nil }
        var current = self
        for token in tokens {
            switch current.content {
            case .mapping:
                guard let next = current[token] else { return nil }
                current = next
            case .sequence(let items):
                // RFC 6901: an index is digits without a leading zero.
                guard let index = Int(token), String(index) == token, items.indices.contains(index) else { return nil }
                current = items[index]
            case .scalar:
                return nil
            }
        }
        return current
    }
}
