import Testing
@testable import TacetYAML

@Suite("YAML writer")
struct YAMLWriterTests {
    static let tricky = [
        "plain", "true", "no", "010", "1:20", "", " lead", "trail ", "a: b", "a #b", "- dash", "#hash", "[x]", "{y}",
        "quote\"d", "back\\slash", "line\nbreak", "tab\there", "ends:", "null", "~", "é—unicode", "*alias", "&anchor",
        "!tag", "%pct", "@at", "`tick`", "'single'", "1e3", ".inf", "\u{1}ctrl", "\u{FEFF}bom", "?q", ">fold", "|lit",
    ]

    @Test("every string reads back as the same string", arguments: tricky)
    func strings(text: String) throws {
        let written = YAMLWriter.write(.mapping([("key", .string(text))]))
        let node = try YAMLParser().parse(written)
        #expect(node["key"]?.scalar?.kind == .string, "\(written)")
        #expect(node["key"]?.scalar?.value == text, "\(written)")
    }

    @Test("nested mappings and sequences keep their structure and order")
    func structure() throws {
        let value = YAMLValue.mapping([
            ("z", .int(3)),
            ("list", .sequence([.mapping([("id", .string("a")), ("n", .double(1.5))]), .string("b"), .sequence([.bool(true)])])),
            ("empty", .sequence([])),
            ("none", .null),
            ("map", .mapping([("k", .string("v"))])),
        ])
        let text = YAMLWriter.write(value, comments: ["header"])
        #expect(text.hasPrefix("# header\nz: 3\nlist:\n  - id: a\n    n: 1.5\n"))
        let node = try YAMLParser().parse(text)
        #expect(node.mapping?.map { $0.key.scalar?.value } == ["z", "list", "empty", "none", "map"])
        #expect(node["list"]?.sequence?[0]["n"]?.scalar?.double == 1.5)
        #expect(node["list"]?.sequence?[2].sequence?[0].scalar?.bool == true)
        #expect(node["empty"]?.sequence?.isEmpty == true)
        #expect(node["none"]?.scalar?.kind == .null)
        #expect(node["map"]?["k"]?.scalar?.value == "v")
    }
}
