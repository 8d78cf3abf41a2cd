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
}
