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
}
