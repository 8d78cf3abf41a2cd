import Testing
@testable import TacetYAML

@Suite("JSON form of nodes")
struct NodeJSONTests {
    @Test("mappings keep order and scalars map to JSON types")
    func types() throws {
        let node = try YAMLParser().parse("z: 1\na: [true, ~, 1.5, no, '3', 0x10]\ns: \"q\\\"\\n\"\n")
        #expect(try node.jsonText(pretty: false) == #"{"z":1,"a":[true,null,1.5,"no","3",16],"s":"q\"\n"}"#)
    }

    @Test("pretty output indents by two spaces")
    func pretty() throws {
        let node = try YAMLParser().parse("a: [1]\nb: {}\n")
        #expect(try node.jsonText() == "{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}")
    }

    @Test("values JSON cannot hold are errors, not silent changes")
    func unrepresentable() throws {
        for text in ["a: .inf", "a: .nan", "a: 99999999999999999999"] {
            let node = try YAMLParser().parse(text)
            #expect(throws: YAMLError.self) { try node.jsonText() }
        }
    }

    @Test("control characters are escaped")
    func escapes() {
        var out = ""
        Node.writeString("a\u{1}b\u{2028}", into: &out)
        #expect(out == #""a\u0001b\u2028""#)
    }

    @Test("text around escapes is kept as it is: at either end, between two escapes, after a combining mark")
    func keptRuns() {
        var out = ""
        Node.writeString("\"e\u{301}\"\r\nmid\\ 🎵\u{7F}end\t", into: &out)
        #expect(out == #""\"e\#u{301}\"\r\nmid\\ 🎵\#u{7F}end\t""#)
        #expect(Node.jsonString("") == #""""#)
        #expect(Node.jsonString("plain") == #""plain""#)
    }
}

@Suite("JSON Pointers")
struct JSONPointerTests {
    @Test("tokens are escaped and unescaped per RFC 6901")
    func escaping() {
        #expect(JSONPointer.appending("a/b~c", to: "/x") == "/x/a~1b~0c")
        #expect(JSONPointer.appending("plain", to: "") == "/plain")
        #expect(JSONPointer.tokens("/x/a~1b~0c") == ["x", "a/b~c"])
        #expect(JSONPointer.tokens("") == [])
        #expect(JSONPointer.tokens("x") == nil)
    }

    @Test("pointers resolve to nodes, and to nothing when they point nowhere")
    func resolve() throws {
        let node = try YAMLParser().parse("steps:\n  - id: a\n    'x/y': 1\n")
        #expect(node.node(at: "/steps/0/id")?.scalar?.value == "a")
        #expect(node.node(at: "/steps/0/x~1y")?.mark.line == 3)
        #expect(node.node(at: "") == node)
        #expect(node.node(at: "/steps/1") == nil)
        #expect(node.node(at: "/steps/01") == nil)
        #expect(node.node(at: "/steps/0/id/deeper") == nil)
    }
}
