/// RFC 6901 JSON Pointers into a node tree: how findings name the data they are about.
public enum JSONPointer {
    /// `pointer` extended by one reference token, escaped (`~` as `~0`, `/` as `~1`).
    ///
    /// Pointers are built and read by UTF-8 bytes, never by Characters: a key starting with a combining
    /// mark would otherwise fuse with the `/` before it into one Character, and the token would be lost.
    public static func appending(_ token: String, to pointer: String) -> String {
        // Almost every token is a plain key; escaping is only paid for when it is needed.
        guard token.utf8.contains(where: { $0 == tilde || $0 == slash }) else {
            return pointer + "/" + token
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(token.utf8.count + 4)
        for byte in token.utf8 {
            switch byte {
            case tilde: escaped += [tilde, UInt8(ascii: "0")]
            case slash: escaped += [tilde, UInt8(ascii: "1")]
            default: escaped.append(byte)
            }
        }
        return pointer + "/" + String(decoding: escaped, as: UTF8.self)
    }

    /// `pointer` extended by an array index.
    public static func appending(_ index: Int, to pointer: String) -> String { pointer + "/" + String(index) }

    /// The reference tokens of `pointer`, unescaped; nil when it is not a valid pointer.
    public static func tokens(_ pointer: String) -> [String]? {
        let bytes = pointer.utf8
        guard let first = bytes.first else { return [] }
        guard first == slash else { return nil }
        return bytes.dropFirst().split(separator: slash, omittingEmptySubsequences: false).map { token in
            guard token.contains(tilde) else { return String(decoding: token, as: UTF8.self) }
            // `~1` is `/` and `~0` is `~`, read left to right, so `~01` is `~1`; another `~` stays as written.
            var unescaped: [UInt8] = []
            var index = token.startIndex
            while index < token.endIndex {
                let byte = token[index]
                index = token.index(after: index)
                if byte == tilde, index < token.endIndex, token[index] == UInt8(ascii: "0") || token[index] == UInt8(ascii: "1") {
                    unescaped.append(token[index] == UInt8(ascii: "0") ? tilde : slash)
                    index = token.index(after: index)
                } else {
                    unescaped.append(byte)
                }
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    private static let tilde = UInt8(ascii: "~")
    private static let slash = UInt8(ascii: "/")
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
