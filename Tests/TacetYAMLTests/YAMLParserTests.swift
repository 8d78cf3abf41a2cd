import Testing
@testable import TacetYAML

private func parse(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> Node {
    try YAMLParser(limits: limits).parse(text)
}

private func parseError(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try parse(text, limits: limits)
        return nil
    } catch {
        return error
    }
}

private func parseError(bytes: [UInt8]) -> YAMLError? {
    do {
        _ = try YAMLParser().parse(bytes)
        return nil
    } catch {
        return error
    }
}

@Suite("YAML parser")
struct YAMLParserTests {
    @Test("mappings keep key order and 1-based marks")
    func marksAndOrder() throws {
        let node = try parse("zeta: 1\nalpha:\n  - x\n  - y\n")
        let entries = try #require(node.mapping)
        #expect(entries.map { $0.key.scalar?.value } == ["zeta", "alpha"])
        #expect(entries[0].key.mark == Mark(line: 1, column: 1, index: 0))
        #expect(entries[0].value.mark == Mark(line: 1, column: 7, index: 6))
        let items = try #require(entries[1].value.sequence)
        #expect(items[1].mark.line == 4)
        #expect(items[1].mark.column == 5)
    }

    @Test("columns and indexes count Unicode scalars, not bytes")
    func unicodeColumns() throws {
        let node = try parse("é: ü\nb: 1\n")
        let entry = try #require(node.mapping?.first)
        #expect(entry.value.mark.column == 4)
        #expect(entry.value.mark.index == 3)
        #expect(node.mapping?[1].key.mark.index == 5)
    }

    @Test("a UTF-8 byte order mark is accepted and does not shift columns")
    func byteOrderMark() throws {
        let node = try YAMLParser().parse([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
        let entry = try #require(node.mapping?.first)
        #expect(entry.key.mark == Mark(line: 1, column: 1, index: 1))
        #expect(entry.value.scalar?.int == 1)
    }

    @Test("plain scalars resolve by the YAML 1.2 core schema", arguments: [
        ("no", ScalarKind.string), ("on", .string), ("yes", .string), ("off", .string),
        ("010", .int), ("1:20", .string), ("true", .bool), ("False", .bool), ("TRUE", .bool), ("tRUE", .string),
        ("null", .null), ("~", .null), ("", .null), ("NULL", .null), ("nil", .string), ("nulls", .string), ("none", .string),
        ("FALSE", .bool), ("false", .bool), ("trues", .string), ("fals", .string), ("task-3", .string),
        ("0x1F", .int), ("0o17", .int), ("0o8", .string), ("-12", .int), ("+3", .int),
        ("1.5", .float), (".5", .float), ("5.", .float), ("1e3", .float), ("-1.2E-3", .float), (".inf", .float),
        ("-.Inf", .float), (".nan", .float), ("-.nan", .string), ("1_000", .string), ("2026-11-21", .string),
        ("e3", .string), ("1e", .string), (".", .string), ("-a", .string), ("0b101", .string),
    ])
    func coreSchema(text: String, kind: ScalarKind) throws {
        let node = try parse("v: \(text)\n")
        #expect(node["v"]?.scalar?.kind == kind)
    }

    @Test("quoted and block scalars are always strings")
    func quotedStrings() throws {
        let node = try parse("a: '010'\nb: \"true\"\nc: |\n  null\n")
        #expect(node["a"]?.scalar?.kind == .string)
        #expect(node["b"]?.scalar?.kind == .string)
        #expect(node["c"]?.scalar?.value == "null\n")
        #expect(node["c"]?.scalar?.style == .literal)
    }

    @Test("core tags are honoured, non-core tags refused")
    func tags() throws {
        let node = try parse("a: !!str 10\nb: !!float 3\nc: !!int '7'\n")
        #expect(node["a"]?.scalar?.kind == .string)
        #expect(node["b"]?.scalar?.double == 3)
        #expect(node["c"]?.scalar?.int == 7)
        let python = parseError("x: !!python/object:os.system {}\n")
        #expect(python?.code == .unsupportedTag)
        #expect(python?.message.contains("!!python/object:os.system") == true)
        #expect(python?.mark.line == 1)
        #expect(parseError("x: !custom 1\n")?.code == .unsupportedTag)
        #expect(parseError("x: !!int abc\n")?.code == .unsupportedTag)
        #expect(parseError("x: !!map [1]\n")?.code == .unsupportedTag)
    }

    @Test("duplicate keys are refused with both positions")
    func duplicateKeys() {
        let error = parseError("name: a\nother: b\nname: c\n")
        #expect(error?.code == .duplicateKey)
        #expect(error?.mark.line == 3)
        #expect(error?.notes.first?.mark.line == 1)
        // Quoting does not make a key different: both read as the text "name".
        #expect(parseError("name: a\n'name': b\n")?.code == .duplicateKey)
    }

    @Test("duplicate keys are found in large mappings too")
    func duplicateKeysLarge() {
        var text = ""
        for index in 0..<100 { text += "k\(index): \(index)\n" }
        text += "k42: again\n"
        let error = parseError(text)
        #expect(error?.code == .duplicateKey)
        #expect(error?.mark.line == 101)
        #expect(error?.notes.first?.mark.line == 43)
    }

    @Test("keys alike in length and first bytes are different keys; nested mappings keep their own keys")
    func keysAlike() throws {
        let node = try parse("requires-review: 1\nrequires-consent: 2\nrequires-reviews: 3\n")
        #expect(node.mapping?.count == 3)
        let nested = try parse("a: {a: 1, b: {a: 2, b: 3}}\nb: [{a: 4}, {a: 5}]\nc: 6\n")
        #expect(nested["b"]?.sequence?.count == 2)
        #expect(nested["c"]?.scalar?.int == 6)
        // A duplicate after a nested mapping closed is still found, and points at the first key.
        let error = parseError("a: {x: 1, y: {z: 2}}\nb: 2\na: 3\n")
        #expect(error?.code == .duplicateKey)
        #expect(error?.mark.line == 3)
        #expect(error?.notes.first?.mark.line == 1)
        // A key written as an alias counts by its text.
        #expect(parseError("k: &k name\n*k : 1\nname: 2\n")?.code == .duplicateKey)
    }

    @Test("anchors and aliases expand to copies")
    func aliases() throws {
        let node = try parse("base: &b {x: 1}\nuse: *b\n")
        #expect(node["use"]?["x"]?.scalar?.int == 1)
        #expect(node["use"]?.mark.line == 1)
    }

    @Test("undefined and recursive aliases are refused")
    func badAliases() {
        let undefined = parseError("a: *nowhere\n")
        #expect(undefined?.code == .undefinedAlias)
        #expect(undefined?.mark == Mark(line: 1, column: 4, index: 3))
        #expect(parseError("a: &x [1, *x]\n")?.code == .undefinedAlias)
    }

    @Test("alias expansion is bounded: billion laughs is refused")
    func billionLaughs() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let error = parseError(text)
        #expect(error?.code == .aliasExpansion)
        #expect(error?.message.contains("maxAliasExpansion") == true)
    }

    @Test("nesting depth is bounded in flow and block style")
    func depth() {
        let flow = parseError(String(repeating: "[", count: 100_000))
        #expect(flow?.code == .tooDeep)
        #expect(flow?.message.contains("maxDepth") == true)
        var block = ""
        for level in 0..<3_000 { block += String(repeating: " ", count: level) + "k:\n" }
        #expect(parseError(block)?.code == .tooDeep)
        #expect(parseError("[[[1]]]", limits: YAMLLimits(maxDepth: 2))?.code == .tooDeep)
        #expect(parseError("a: &x [[1]]\nb: [*x]\n", limits: YAMLLimits(maxDepth: 3))?.code == .tooDeep)
    }

    @Test("node count and input size are bounded")
    func sizeLimits() {
        #expect(parseError("[1, 2, 3, 4]", limits: YAMLLimits(maxNodes: 3))?.code == .tooManyNodes)
        let big = parseError(String(repeating: "a", count: 100), limits: YAMLLimits(maxInputBytes: 10))
        #expect(big?.code == .inputTooLarge)
        #expect(big?.message.contains("maxInputBytes") == true)
    }

    @Test("merge keys are refused; a quoted << is an ordinary key")
    func mergeKeys() throws {
        let error = parseError("base: &b {x: 1}\nuse:\n  <<: *b\n")
        #expect(error?.code == .mergeKey)
        #expect(error?.mark.line == 3)
        #expect(try parse("'<<': 1\n")["<<"]?.scalar?.int == 1)
    }

    @Test("complex keys are refused")
    func complexKeys() {
        #expect(parseError("? [a, b]\n: c\n")?.code == .complexKey)
    }

    @Test("empty input and comment-only input are empty documents")
    func emptyDocuments() {
        #expect(parseError("")?.code == .emptyDocument)
        #expect(parseError("# only a comment\n")?.code == .emptyDocument)
        #expect(parseError(bytes: [0xEF, 0xBB, 0xBF])?.code == .emptyDocument)
    }

    @Test("a second document is refused at its start")
    func multipleDocuments() {
        let error = parseError("a: 1\n---\nb: 2\n")
        #expect(error?.code == .multipleDocuments)
        #expect(error?.mark.line == 2)
    }

    @Test("invalid UTF-8 and NUL bytes are refused with their position")
    func encoding() {
        let invalid = parseError(bytes: Array("a: 1\nb: x".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(invalid?.code == .encoding)
        #expect(invalid?.mark.line == 2)
        #expect(invalid?.mark.column == 5)
        let nul = parseError(bytes: Array("a: b".utf8) + [0] + Array("c\n".utf8))
        #expect(nul?.code == .encoding)
        #expect(nul?.mark == Mark(line: 1, column: 5, index: 4))
        // UTF-16 is not decoded behind the user's back.
        #expect(parseError(bytes: [0xFF, 0xFE, 0x61, 0x00])?.code == .encoding)
    }

    @Test("syntax errors point at the real problem and keep libyaml's words and position in a note")
    func syntaxErrors() {
        let quote = parseError("a: 1\nb: \"open\nc: 2\n")
        #expect(quote?.code == .syntax)
        #expect(quote?.mark == Mark(line: 2, column: 4, index: 8))
        #expect(quote?.notes.last?.message == "libyaml's words: found unexpected end of stream, while scanning a quoted scalar at 2:4")
        #expect(quote?.notes.last?.mark.line == 4)
        let tab = parseError("a:\n\tb: 1\n")
        #expect(tab?.code == .syntax)
        #expect(tab?.mark.line == 2)
        #expect(tab?.hint?.contains("tabs") == true)
    }
}
