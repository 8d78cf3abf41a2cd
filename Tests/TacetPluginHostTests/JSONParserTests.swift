import Foundation
import Testing
import TacetPluginProtocol

/// The kit's own JSON reader: the same values as `JSONDecoder` for JSON, an error with its place for anything else,
/// and decoding errors a plugin's `error` message can name.
@Suite struct JSONParserTests {
    @Test(arguments: [
        #"{"a":[1,-2.5,3e2,0,-0,1E-3,9007199254740993],"b":{"c":null,"d":true,"e":false},"f":""}"#,
        #"  ["tab\there","quote\"","back\\slash","\/","\b\f\n\r","\u00e9\u0041","\ud83c\udfb5","é🎵"]  "#,
        #""just a string""#,
        "42",
        "[[[[[]]]],{}]",
    ])
    func readsWhatJSONDecoderReads(text: String) throws {
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
        #expect(try JSONParser.parse(Data(text.utf8)) == expected)
    }

    @Test(arguments: [
        ("", "unexpected end of the text at byte 0"),
        ("[1,]", "unexpected character ']' at byte 3"),
        ("{\"a\":1,}", "expected a member name in quotes at byte 7"),
        ("01", "unexpected text after the JSON value at byte 1"),
        ("[1 2]", "expected ',' or ']' in an array at byte 3"),
        ("\"a\tb\"", "a control character in a string must be escaped at byte 2"),
        (#""\ud800""#, #"a \u escape holds half of a surrogate pair at byte 7"#),
        (#""\udc00""#, #"a \u escape holds half of a surrogate pair at byte 7"#),
        (#""\x""#, #"'\x' is not an escape at byte 3"#),
        ("tru", "unexpected character 't' at byte 0"),
        ("NaN", "unexpected character 'N' at byte 0"),
        ("1e400", "the number 1e400 does not fit in a Double at byte 0"),
        ("-", "a number needs a digit at byte 1"),
        ("1.", "a number's fraction needs a digit at byte 2"),
        ("\"open", "a string has no closing quote at byte 5"),
        ("{} {}", "unexpected text after the JSON value at byte 3"),
    ])
    func refusesWhatIsNotJSON(text: String, expected: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) }
        do {
            _ = try JSONParser.parse(Array(text.utf8))
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func refusesInvalidUTF8AndNestingDeeperThanTheLimit() throws {
        #expect(throws: JSONParseError(reason: "a string is not valid UTF-8", offset: 1)) {
            try JSONParser.parse([0x22, 0x61, 0xFF, 0x22])
        }
        let deep = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(try JSONParser.parse(Array(deep.utf8)) != .null)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(("[" + deep + "]").utf8)) }
    }

    struct Shape: Decodable, Equatable {
        var count: Int
        var ratio: Float
        var names: [String]
        var extra: JSONValue?
    }

    @Test func decodesTypesWithTheCodingPathsJSONDecoderGives() throws {
        let decoder = JSONValueDecoder()
        #expect(try decoder.decode(Shape.self, from: Array(#"{"count":3,"ratio":0.5,"names":["a"],"extra":{"x":[1]}}"#.utf8))
                    == Shape(count: 3, ratio: 0.5, names: ["a"], extra: .object(["x": .array([.number(1)])])))
        #expect(try decoder.decode(Shape.self, from: Array(#"{"count":3,"ratio":1,"names":[],"extra":null}"#.utf8)).extra == nil)
        func failure(_ text: String) -> DecodingError? {
            do {
                _ = try decoder.decode(Shape.self, from: Array(text.utf8))
                return nil
            } catch {
                return error as? DecodingError
            }
        }
        guard case .keyNotFound(let key, let context)? = failure(#"{"count":3,"ratio":1}"#) else {
            Issue.record("a missing key is keyNotFound")
            return
        }
        #expect(key.stringValue == "names" && context.codingPath.isEmpty)
        guard case .typeMismatch(_, let context)? = failure(#"{"count":3,"ratio":1,"names":["a",2]}"#) else {
            Issue.record("a number among strings is typeMismatch")
            return
        }
        #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["names", "1"])
        #expect(context.debugDescription == "Expected to decode String but found number instead.")
        guard case .dataCorrupted(let context)? = failure(#"{"count":3.5,"ratio":1,"names":[]}"#) else {
            Issue.record("a fraction where an Int belongs is dataCorrupted")
            return
        }
        #expect(context.debugDescription == "Number 3.5 does not fit in Int.")
        guard case .dataCorrupted(let context)? = failure("{") else {
            Issue.record("text that is not JSON is dataCorrupted")
            return
        }
        #expect(context.codingPath.isEmpty)
        #expect(context.debugDescription == "The given data was not valid JSON: expected a member name in quotes at byte 1.")
    }
}
