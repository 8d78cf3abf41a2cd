import Testing
@testable import TacetYAML

/// The loader peeks at a file's `kind` before building its tree: the peek must name what a full parse
/// would find, or nothing.
@Suite("Top-level scalar peek")
struct TopLevelScalarTests {
    static func peek(_ text: String) -> String? { LibYAMLScan.topLevelScalar("kind", in: Array(text.utf8)) }

    @Test("finds the top-level kind wherever the mapping puts it, however it is quoted")
    func finds() {
        #expect(Self.peek("apiVersion: tacet/v1\nkind: Workflow\nsteps: [") == "Workflow")
        #expect(Self.peek("metadata: {kind: Policy, name: x}\nsteps:\n  - {kind: Policy}\nkind: 'LearningPlan'\n") == "LearningPlan")
        #expect(Self.peek("{apiVersion: tacet/v1, \"kind\": Workflow}") == "Workflow")
        #expect(Self.peek("? [a, b]\n: c\nkind: Workflow\n") == "Workflow")
    }

    @Test("says nothing when the kind is nested, not a scalar, absent, or past a syntax error, or the root is no mapping")
    func nothing() {
        #expect(Self.peek("metadata: {kind: Workflow}\n") == nil)
        #expect(Self.peek("kind: [Workflow]\n") == nil)
        #expect(Self.peek("base: &k Workflow\nkind: *k\n") == nil)
        #expect(Self.peek("steps: [\nkind: Workflow\n") == nil)
        #expect(Self.peek("- kind: Workflow\n") == nil)
        #expect(Self.peek("Workflow") == nil)
        #expect(Self.peek("") == nil)
    }

    /// `text` padded by a comment so that its first line ends exactly at byte `at`, and followed by enough
    /// lines that the file is longer than the head the peek reads first.
    static func placed(_ text: String, at: Int) -> String {
        let comment = "# " + String(repeating: "x", count: at - 3) + "\n"
        return comment + text + (0..<100).map { "key\($0): value \($0)\n" }.joined()
    }

    @Test("a head cut from a long file never shortens the kind or hides one found later: the peek agrees with a full parse")
    func head() throws {
        let cases = [
            // The value is cut by the head's end: its continuation line lies past byte 1,024.
            Self.placed("kind: Work\n  flow with more words\nmetadata: {}\n", at: 1005),
            Self.placed("kind: \"Work\n  flow with more words\"\nmetadata: {}\n", at: 1005),
            // The kind is the last key the head holds, or lies past it.
            Self.placed("kind: Workflow\n", at: 1000),
            (0..<30).map { "pad\($0): \(String(repeating: "y", count: 60))\n" }.joined() + "kind: Policy\n",
            // Multi-byte characters across the head's first kilobyte (the cut, at a line feed, never splits one).
            "kind: Workflow\nnote: " + String(repeating: "é", count: 700) + "\nmore: 1\n",
            Self.placed("kind: Workflow\nnext: 1\n", at: 40),
        ]
        for text in cases {
            let root = try YAMLParser().parse(Array(text.utf8))
            #expect(text.utf8.count > 1024)
            #expect(Self.peek(text) == root["kind"]?.string, "\(text.prefix(60))")
        }
        #expect(Self.peek(Self.placed("kind: Work\n  flow with more words\nmetadata: {}\n", at: 1005)) == "Work flow with more words")
    }
}
