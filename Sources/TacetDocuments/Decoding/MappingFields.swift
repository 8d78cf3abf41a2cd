import TacetDiagnostics
import TacetYAML

/// Reads the fields of one mapping strictly: each key asked for is known, and ``finish(_:)`` reports
/// every key nobody asked for, with the closest known key as a suggestion.
public struct MappingFields {
    /// The mapping node.
    public let node: Node
    /// Its JSON Pointer.
    public let pointer: String
    /// What the mapping is, for messages ("a task", "the document").
    public let what: String
    // Read once: every field lookup compares against these, and every document has many fields.
    private let entries: [MappingEntry]
    /// Each key with its length in UTF-8, compared before its text (one array: a step's mapping is read once
    /// and freed, and each array is an allocation), and a bit per length (modulo 64) for the whole
    /// mapping: most keys a decoder asks for are absent from a given mapping (a step's optional fields), and
    /// ruling each out by comparing strings with every key cost a check of 2,000 workflows as much as all of
    /// its rule checks.
    private let keys: [(text: String, length: Int)]
    private let lengthBits: UInt64
    /// Which entries were asked for: bits for the first 64, an array only for larger mappings.
    private var usedBits: UInt64 = 0
    private var usedBeyond64: [Bool] = []
    /// Where the next key is looked for first: decoders mostly ask for keys in the order they are
    /// usually written, so the search mostly hits at once instead of comparing with every key.
    private var cursor = 0
    private var known: [String] = []

    /// Starts reading `node`; records an error and returns nil when it is not a mapping.
    public init?(_ node: Node, at pointer: String, what: String, in context: inout DecodingContext) {
        guard let entries = node.mapping else {
            context.error(.wrongType, "expected \(what) as a mapping, found \(node.shapeDescription)", at: node,
                          pointer: pointer)
            return nil
        }
        self.node = node
        self.pointer = pointer
        self.what = what
        self.entries = entries
        keys = entries.map { entry in
            let text = entry.key.scalar?.value ?? ""
            return (text, text.utf8.count)
        }
        lengthBits = keys.reduce(0) { $0 | 1 << UInt64($1.length & 63) }
        if entries.count > 64 { usedBeyond64 = Array(repeating: false, count: entries.count - 64) }
        known.reserveCapacity(16)
    }

    /// The node under `key`, marking the key as known.
    public mutating func raw(_ key: String) -> Node? {
        known.append(key)
        guard let index = index(of: key) else { return nil }
        if index < 64 { usedBits |= 1 << UInt64(index) } else { usedBeyond64[index - 64] = true }
        cursor = index + 1 == keys.count ? 0 : index + 1
        return entries[index].value
    }

    /// The entry index of `key`, looked for from the cursor on, then before it. Keys compare by their
    /// bytes, as YAML compares them (the length test already does; Swift's `==` alone would also match
    /// canonically equivalent spellings).
    private func index(of key: String) -> Int? {
        let length = key.utf8.count
        guard lengthBits & 1 << UInt64(length & 63) != 0 else { return nil }
        for index in cursor..<keys.count where keys[index].length == length && keys[index].text == key { return index }
        for index in 0..<cursor where keys[index].length == length && keys[index].text == key { return index }
        return nil
    }

    private func isUsed(_ index: Int) -> Bool {
        index < 64 ? usedBits & (1 << UInt64(index)) != 0 : usedBeyond64[index - 64]
    }

    /// The JSON Pointer of `key` in this mapping.
    public func pointer(_ key: String) -> String { JSONPointer.appending(key, to: pointer) }

    /// Decodes a key that must be present; `hint` says what to write when it is not.
    public mutating func required<T: NodeDecodable>(_ key: String, in context: inout DecodingContext, hint: String? = nil) -> T? {
        guard let value = raw(key) else { return missing(key, in: &context, hint: hint) }
        return T.decode(value, at: pointer(key), in: &context)
    }

    /// Decodes a key that must be present and holds a set written as a sequence (``Swift/Array/decodeSet(_:at:in:)``).
    public mutating func requiredSet<T: NodeDecodable & Hashable>(_ key: String, in context: inout DecodingContext) -> [T]? {
        guard let value = raw(key) else { return missing(key, in: &context) }
        return [T].decodeSet(value, at: pointer(key), in: &context)
    }

    /// Decodes a key that may be absent and holds a set written as a sequence (``Swift/Array/decodeSet(_:at:in:)``).
    public mutating func optionalSet<T: NodeDecodable & Hashable>(_ key: String, in context: inout DecodingContext) -> [T]? {
        guard let value = raw(key), value.scalar?.kind != .null else { return nil }
        return [T].decodeSet(value, at: pointer(key), in: &context)
    }

    private func missing<T>(_ key: String, in context: inout DecodingContext, hint: String? = nil) -> T? {
        context.error(.missingKey, "\(what) is missing required key '\(key)'", at: node, pointer: pointer, hint: hint)
        return nil
    }

    /// Decodes a key that may be absent; an explicit null counts as absent.
    public mutating func optional<T: NodeDecodable>(_ key: String, in context: inout DecodingContext) -> T? {
        guard let value = raw(key), value.scalar?.kind != .null else { return nil }
        return T.decode(value, at: pointer(key), in: &context)
    }

    /// Decodes a key that may be absent, with a default.
    public mutating func optional<T: NodeDecodable>(_ key: String, default fallback: T,
                                                    in context: inout DecodingContext) -> T {
        optional(key, in: &context) ?? fallback
    }

    /// Decodes a required id: lower-case letters, digits and single hyphens, starting with a letter or digit.
    public mutating func id(_ key: String = "id", in context: inout DecodingContext) -> String? {
        guard let value: String = required(key, in: &context) else { return nil }
        return Self.checkID(value, at: node[key] ?? node, pointer: pointer(key), in: &context)
    }

    /// Checks the id pattern `[a-z0-9]+(-[a-z0-9]+)*`, recording an error when it does not match.
    public static func checkID(_ value: String, at node: Node, pointer: String, in context: inout DecodingContext) -> String? {
        var valid = !value.isEmpty
        var previousHyphen = true  // so a leading hyphen is refused
        for byte in value.utf8 where valid {
            let hyphen = byte == UInt8(ascii: "-")
            let alphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            valid = alphanumeric || (hyphen && !previousHyphen)
            previousHyphen = hyphen
        }
        guard valid, !previousHyphen else {
            context.error(.invalidValue, "'\(value)' is not a valid id", at: node, pointer: pointer,
                          hint: "use lower-case letters, digits and single hyphens, e.g. progress-note-drafting")
            return nil
        }
        return value
    }

    /// Reports every key that was not asked for, suggesting the closest known key.
    public func finish(_ context: inout DecodingContext) {
        context.trace?.append(MappingTrace(pointer: pointer, what: what, known: known))
        for (index, entry) in entries.enumerated() where !isUsed(index) {
            let key = keys[index].text
            let keyPointer = JSONPointer.appending(key, to: pointer)
            let hint = Suggestion.closest(to: key, in: known).map { "did you mean '\($0)'?" }
                ?? "\(what) has the keys: \(known.joined(separator: ", "))"
            context.error(.unknownKey, "unknown key '\(key)' in \(what)", at: entry.key, pointer: keyPointer, hint: hint)
        }
    }
}
