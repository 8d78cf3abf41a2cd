/// Decodes `Decodable` types from JSON text the way `JSONDecoder` does, through a ``JSONValue`` read by
/// ``JSONParser``: the same coding paths and `DecodingError` cases, so messages built from them read the
/// same, and a ``JSONValue`` inside the type is taken as parsed instead of being probed type by type.
package struct JSONValueDecoder {
    /// Creates a decoder.
    package init() {}

    /// Decodes `type` from JSON text; text that is not JSON is a `DecodingError.dataCorrupted` at the top level.
    package func decode<T: Decodable>(_ type: T.Type, from text: some Collection<UInt8>) throws -> T {
        try decode(type, from: Self.parse(text))
    }

    /// The value JSON text holds; text that is not JSON is a `DecodingError.dataCorrupted` at the top level,
    /// as `JSONDecoder` reports it.
    package static func parse(_ text: some Collection<UInt8>) throws -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON: \(error)."))
        }
    }

    /// Decodes `type` from a value already parsed.
    package func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try Decoding(value: value, codingPath: []).decode(type)
    }

    /// The decoder of one value: its single-value container too.
    struct Decoding: Decoder, SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let members) = value else { throw mismatch([String: Any].self) }
            return KeyedDecodingContainer(Keyed<Key>(members: members, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let elements) = value else { throw mismatch([Any].self) }
            return Unkeyed(elements: elements, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool { value == .null }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard case .bool(let flag) = value else { throw mismatch(type) }
            return flag
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .string(let text) = value else { throw mismatch(type) }
            return text
        }

        func decode(_ type: Double.Type) throws -> Double { try number(type) }

        func decode(_ type: Float.Type) throws -> Float {
            let number = try self.number(type)
            guard abs(number) <= Double(Float.greatestFiniteMagnitude) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Number \(number) does not fit in Float."))
            }
            return Float(number)
        }

        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            // A JSONValue is the value itself (see JSONValue.init(from:)); anything else decodes from it.
            if type == JSONValue.self, let value = value as? T { return value }
            return try T(from: self)
        }

        private func number(_ type: Any.Type) throws -> Double {
            guard case .number(let number) = value else { throw mismatch(type) }
            return number
        }

        private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            let number = try self.number(type)
            guard let integer = T(exactly: number) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Number \(number) does not fit in \(type)."))
            }
            return integer
        }

        /// The error for finding this value where a `type` was expected, worded as JSONDecoder words it.
        func mismatch(_ type: Any.Type) -> DecodingError {
            if value == .null {
                return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Cannot get \(type) -- found null value instead"))
            }
            return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(found) instead."))
        }

        private var found: String {
            switch value {
            case .null: "null"
            case .bool: "bool"
            case .number: "number"
            case .string: "a string"
            case .array: "an array"
            case .object: "a dictionary"
            }
        }
    }
}
