import Foundation
import Testing
import TacetYAML

/// Inputs the fuzz targets (Fuzz/, Scripts/fuzz.sh) found a bug with, committed under
/// Tests/Fixtures/fuzz-regressions/TARGET/, each held to the behaviour its fix gave it.
@Suite("Fuzz regressions: YAML")
struct FuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions").path

    static func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: fixtures + "/" + path)))
    }

    static func parseError(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
        do {
            _ = try YAMLParser(limits: limits).parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    /// yaml-parse found a 367-byte file whose aliases stay under 100,000 nodes but copy a 45-byte scalar
    /// 66,000 times: 3 MB of text for `tacet convert` or a plugin request to write out (a timeout in the
    /// fuzzer). The text aliases add is now bounded too.
    @Test("aliases that multiply a scalar's text are refused at maxAliasBytes")
    func aliasTextAmplification() throws {
        let error = Self.parseError(try Self.fixture("yaml-parse/alias-text-amplification.yaml"))
        #expect(error?.code == .aliasExpansion)
        #expect(error?.message == "aliases expand to more than 1048576 bytes of text (maxAliasBytes)")
        #expect(error?.mark.line == 8)
    }

    @Test("a long scalar aliased far fewer than 100,000 times is refused by its text, not its nodes")
    func longScalarAliased() {
        let scalar = String(repeating: "x", count: 64 * 1024)
        let text = "a: &a \(scalar)\nb: [\(Array(repeating: "*a", count: 17).joined(separator: ", "))]\n"
        let error = Self.parseError(Array(text.utf8))
        #expect(error?.code == .aliasExpansion)
        #expect(error?.message.contains("maxAliasBytes") == true)
        // Sixteen copies (1 MiB) are within the limit.
        let within = "a: &a \(scalar)\nb: [\(Array(repeating: "*a", count: 16).joined(separator: ", "))]\n"
        #expect(Self.parseError(Array(within.utf8)) == nil)
    }

    @Test("maxAliasBytes counts keys and nested aliases, and can be set")
    func aliasBytesCountNested() {
        let text = "base: &base {name: abcdefghij, tags: [x, y]}\nuse: &use [*base, *base]\nmore: [*use, *use]\n"
        // base holds 4 + 10 + 4 + 1 + 1 = 20 bytes; use adds 40; more adds 2 x 40 = 80: 120 in all.
        #expect(Self.parseError(Array(text.utf8), limits: YAMLLimits(maxAliasBytes: 120)) == nil)
        let error = Self.parseError(Array(text.utf8), limits: YAMLLimits(maxAliasBytes: 119))
        #expect(error?.code == .aliasExpansion)
        #expect(error?.mark.line == 3)
    }

    /// yaml-parse found a key starting with a combining mark (U+0487): joined to the pointer's `/` it made
    /// one Character, so the pointer to the key's value named nothing, and a finding there had no line.
    @Test("a JSON Pointer to a key starting with a combining mark leads back to its value")
    func combiningMarkKey() throws {
        let root = try YAMLParser().parse(try Self.fixture("yaml-parse/combining-mark-key.yaml"))
        let key = "\u{487}\u{3B9}9Cha0racd"
        let pointer = JSONPointer.appending(key, to: "")
        #expect(JSONPointer.tokens(pointer) == [key])
        #expect(root.node(at: pointer)?.mark == root.mapping?.first?.value.mark)
        #expect(root.node(at: pointer) != nil)
        // Escapes next to a combining mark are read by bytes too.
        let escaped = JSONPointer.appending("~\u{301}/\u{301}", to: "")
        #expect(escaped == "/~0\u{301}~1\u{301}")
        #expect(JSONPointer.tokens(escaped) == ["~\u{301}/\u{301}"])
    }

    @Test("keys that differ only in Unicode normalization are two keys, in small and large mappings alike")
    func canonicallyEquivalentKeys() throws {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        for filler in [0, 20] {
            let others = (0..<filler).map { "k\($0): \($0)\n" }.joined()
            let root = try YAMLParser().parse(others + "\(composed): first\n\(decomposed): second\n")
            #expect(root.node(at: "/" + composed)?.string == "first")
            #expect(root.node(at: "/" + decomposed)?.string == "second")
        }
        // The same bytes twice are still a duplicate, in both.
        for filler in [0, 20] {
            let others = (0..<filler).map { "k\($0): \($0)\n" }.joined()
            #expect(Self.parseError(Array((others + "\(decomposed): a\n\(decomposed): b\n").utf8))?.code == .duplicateKey)
        }
    }
}
