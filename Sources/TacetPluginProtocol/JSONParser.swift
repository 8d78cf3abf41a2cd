/// Reads JSON text (RFC 8259) straight into a ``JSONValue``, in one pass over the bytes.
///
/// A plugin reads its whole request as `JSONValue`s: a 2,000-workflow batch holds a million of them.
/// Through `JSONDecoder`, `JSONValue(from:)` can only find a value's type by trying each type in turn and
/// catching the errors, which on Linux made decoding most of a plugin's run; this parser looks at the
/// first byte instead. It is as strict as `JSONDecoder`: anything that is not JSON is an error, never a
/// guess.
package struct JSONParser {
    /// Deepest nesting of arrays and objects accepted, as `JSONDecoder`'s limit, so that hostile input
    /// cannot exhaust the stack.
    package static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The value `text` holds; throws when it is not exactly one JSON value, surrounded by whitespace at most.
    package static func parse(_ text: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
            var parser = JSONParser(bytes)
            return Result { () throws(JSONParseError) in try parser.document() }
        }
        let result = text.withContiguousStorageIfAvailable(run) ?? Array(text).withUnsafeBufferPointer(run)
        return try result.get()
    }

    private mutating func document() throws(JSONParseError) -> JSONValue {
        let value = try self.value()
        skipSpace()
        guard offset == bytes.count else { throw failure("unexpected text after the JSON value") }
        return value
    }

    private mutating func value() throws(JSONParseError) -> JSONValue {
        skipSpace()
        guard offset < bytes.count else { throw failure("unexpected end of the text") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character '\(Self.shown(bytes[offset]))'")
        }
    }

    private mutating func object() throws(JSONParseError) -> JSONValue {
        try enter()
        offset += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a member name in quotes") }
            let key = try string()
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
            offset += 1
            members[key] = try value()
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                depth -= 1
                return .object(members)
            default: throw failure("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array() throws(JSONParseError) -> JSONValue {
        try enter()
        offset += 1
        var elements: [JSONValue] = []
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                depth -= 1
                return .array(elements)
            default: throw failure("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw failure("arrays and objects nested deeper than \(Self.maxDepth)") }
    }

    /// A string from its opening quote; the bytes between escapes are copied as they are, then validated as UTF-8.
    private mutating func string() throws(JSONParseError) -> String {
        offset += 1
        let start = offset
        // Most strings hold no escape: one scan, one validated copy.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = try Self.text(UnsafeBufferPointer(rebasing: bytes[start..<offset]), at: start)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("a control character in a string must be escaped") }
            offset += 1
        }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return try Self.text(utf8, at: start)
            case UInt8(ascii: "\\"):
                offset += 1
                try escape(into: &utf8)
            case ..<0x20:
                throw failure("a control character in a string must be escaped")
            default:
                utf8.append(byte)
                offset += 1
            }
        }
        throw failure("a string has no closing quote")
    }

    /// The escape after a backslash, appended as UTF-8.
    private mutating func escape(into utf8: inout [UInt8]) throws(JSONParseError) {
        guard offset < bytes.count else { throw failure("a string has no closing quote") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hex4())
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate is only half a character: the low half must follow as its own escape.
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw failure("a \\u escape holds half of a surrogate pair")
                }
                offset += 2
                let low = UInt32(try hex4())
                guard (0xDC00..<0xE000).contains(low) else { throw failure("a \\u escape holds half of a surrogate pair") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let character = Unicode.Scalar(scalar) else { throw failure("a \\u escape holds half of a surrogate pair") }
            UTF8.encode(character) { utf8.append($0) }
        default:
            throw failure("'\\\(Self.shown(byte))' is not an escape")
        }
    }

    private mutating func hex4() throws(JSONParseError) -> UInt16 {
        guard offset + 4 <= bytes.count else { throw failure("a \\u escape needs four hex digits") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }

    /// The string the UTF-8 bytes of a string starting at `start` spell; invalid UTF-8 is an error, not repaired.
    private static func text(_ utf8: some Collection<UInt8>, at start: Int) throws(JSONParseError) -> String {
        let text = String(decoding: utf8, as: UTF8.self)
        // Decoding repairs invalid bytes with U+FFFD, so a repaired string no longer spells the same bytes.
        guard utf8.allSatisfy({ $0 < 0x80 }) || text.utf8.elementsEqual(utf8) else {
            throw JSONParseError(reason: "a string is not valid UTF-8", offset: start)
        }
        return text
    }

    /// A number as the grammar spells it (`-`, integer without leading zeros, fraction, exponent), read as a `Double`.
    private mutating func number() throws(JSONParseError) -> Double {
        let start = offset
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") {
            offset += 1
        } else if digits() == 0 {
            throw failure("a number needs a digit")
        }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw failure("a number's fraction needs a digit") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw failure("a number's exponent needs a digit") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        // invariant: the grammar above is a subset of what Double(_:) reads; a literal beyond Double's range
        // reads as ±infinity, which JSON cannot carry, so it is refused as JSONDecoder refuses it.
        guard let number = Double(text), number.isFinite else {
            throw JSONParseError(reason: "the number \(text) does not fit in a Double", offset: start)
        }
        return number
    }

    private mutating func digits() -> Int {
        let start = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        return offset - start
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count,
              UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[offset..<(offset + count)]) else {
            throw failure("unexpected character '\(Self.shown(bytes[offset]))'")
        }
        offset += count
        return value
    }

    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private func failure(_ reason: String) -> JSONParseError { JSONParseError(reason: reason, offset: offset) }

    /// A byte as a message shows it: printable ASCII as itself, anything else as its hex code.
    private static func shown(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16, uppercase: true)
    }
}
