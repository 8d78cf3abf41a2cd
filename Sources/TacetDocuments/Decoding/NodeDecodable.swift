import TacetYAML

/// A type that decodes itself strictly from a ``Node``, recording problems in a ``DecodingContext``.
///
/// Returns nil after recording at least one error; callers go on decoding siblings so one run
/// reports every problem in the file.
public protocol NodeDecodable: Sendable {
    /// Decodes `node`, found at JSON Pointer `pointer`.
    ///
    /// The pointer is an autoclosure because most values decode without a problem and never need it:
    /// spelling out a pointer for every scalar of a large document was a third of decoding time.
    /// Evaluate it once, up front, only when it is stored or passed on to a mapping's fields.
    static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Self?
}

/// A closed set of keywords, decoded with a "did you mean" for near misses.
public protocol DocumentKeyword: NodeDecodable, RawRepresentable<String>, CaseIterable, Hashable {
    /// What the keyword names, for messages: "AI-use level", "severity".
    static var keywordDescription: String { get }
}

extension DocumentKeyword {
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Self? {
        guard let text = String.decode(node, at: pointer(), in: &context) else { return nil }
        if let value = Self(rawValue: text) { return value }
        context.unknown(.invalidValue, what: keywordDescription, value: text, candidates: allCases.map(\.rawValue),
                        at: node, pointer: pointer())
        return nil
    }
}

extension NodeDecodable {
    /// Records "expected X, found Y" at `node`.
    static func typeMismatch(_ expected: String, _ node: Node, _ pointer: String, _ context: inout DecodingContext,
                             hint: String? = nil) {
        context.error(.wrongType, "expected \(expected), found \(node.shapeDescription)", at: node, pointer: pointer,
                      hint: hint)
    }
}

extension String: NodeDecodable {
    /// A string scalar; a number or boolean where text is expected is an error with a hint to quote it.
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> String? {
        guard let scalar = node.scalar, scalar.kind == .string else {
            let quoteHint = node.scalar.map { $0.kind != .null ? "quote it to make it text: \"\($0.value)\"" : nil } ?? nil
            typeMismatch("a string", node, pointer(), &context, hint: quoteHint)
            return nil
        }
        return scalar.value
    }
}

extension Int: NodeDecodable {
    /// An integer scalar that fits in `Int`.
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Int? {
        guard let scalar = node.scalar, scalar.kind == .int else {
            typeMismatch("an integer", node, pointer(), &context)
            return nil
        }
        guard let value = scalar.int else {
            context.error(.invalidValue, "integer \(scalar.value) is out of range", at: node, pointer: pointer())
            return nil
        }
        return value
    }
}

extension Double: NodeDecodable {
    /// A finite number (integer or float scalar).
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Double? {
        guard let value = node.scalar?.double else {
            typeMismatch("a number", node, pointer(), &context)
            return nil
        }
        guard value.isFinite else {
            context.error(.invalidValue, "expected a finite number", at: node, pointer: pointer())
            return nil
        }
        return value
    }
}

extension Bool: NodeDecodable {
    /// `true` or `false` (YAML 1.2: `yes`/`no` are strings, and so an error here).
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Bool? {
        guard let value = node.scalar?.bool else {
            // YAML 1.1's spellings of a boolean are text in YAML 1.2: say which word to write instead.
            var hint: String?
            if let text = node.scalar?.value.lowercased(), let meant = ["yes": true, "y": true, "on": true,
                                                                       "no": false, "n": false, "off": false][text] {
                let place = pointer()
                let key = JSONPointer.tokens(place)?.last.flatMap { Int($0) == nil ? $0 : nil }
                hint = "write `\(key.map { "\($0): " } ?? "")\(meant)`: YAML 1.2 reads only true and false as booleans"
            }
            typeMismatch("true or false", node, pointer(), &context, hint: hint)
            return nil
        }
        return value
    }
}

extension Array: NodeDecodable where Element: NodeDecodable {
    /// A sequence whose items all decode; items that fail are reported and left out.
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> [Element]? {
        guard let items = node.sequence else {
            typeMismatch("a sequence", node, pointer(), &context)
            return nil
        }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for index in items.indices {
            if let value = Element.decode(items[index], at: JSONPointer.appending(index, to: pointer()), in: &context) {
                result.append(value)
            }
        }
        return result
    }
}
