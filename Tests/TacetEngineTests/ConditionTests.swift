import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine
import TacetYAML

@Suite("Conditions")
struct ConditionTests {
    /// Facts for one imaginary step.
    static func facts(_ fact: Fact) -> FactValue {
        switch fact {
        case .stepTask: .string("progress-notes")
        case .stepAI: .ai(.aiDrafted)
        case .stepData: .dataClasses(DataClasses([.deidentified, .phi]))
        case .stepConsent: .bool(true)
        case .reviewerLevel: .level(.developing)
        default: .missing
        }
    }

    static func holds(_ fact: Fact, _ op: ConditionOperator, _ value: TestValue) -> Bool {
        CompiledCondition.test(fact, op, value).holds(facts)
    }

    @Test("every operator, holding and not holding")
    func operators() throws {
        // equals / notEquals
        #expect(Self.holds(.stepTask, .equals, .string("progress-notes")))
        #expect(!Self.holds(.stepTask, .equals, .string("other")))
        #expect(Self.holds(.stepTask, .notEquals, .string("other")))
        #expect(!Self.holds(.stepConsent, .notEquals, .bool(true)))
        #expect(Self.holds(.stepAI, .equals, .ai(.aiDrafted)))
        #expect(Self.holds(.reviewerLevel, .notEquals, .level(.emerging)))
        // in / notIn
        #expect(Self.holds(.stepTask, .in, .strings(["progress-notes", "x"])))
        #expect(!Self.holds(.stepTask, .notIn, .strings(["progress-notes"])))
        #expect(Self.holds(.stepAI, .in, .ais([.aiDrafted, .aiDelegated])))
        #expect(Self.holds(.reviewerLevel, .notIn, .levels([.advanced])))
        // contains: on lists and on text
        #expect(Self.holds(.stepData, .contains, .dataClass(.phi)))
        #expect(!Self.holds(.stepData, .contains, .dataClass(.none)))
        #expect(Self.holds(.stepTask, .contains, .string("notes")))
        // exists
        #expect(Self.holds(.stepTask, .exists, .none))
        #expect(!Self.holds(.stepReviewer, .exists, .none))
        #expect(Self.holds(.stepReviewer, .exists, .bool(false)))
        // atLeast / atMost on both scales
        #expect(Self.holds(.stepAI, .atLeast, .ai(.aiAssisted)))
        #expect(!Self.holds(.stepAI, .atLeast, .ai(.aiDelegated)))
        #expect(Self.holds(.stepAI, .atMost, .ai(.aiDrafted)))
        #expect(Self.holds(.reviewerLevel, .atLeast, .level(.developing)))
        #expect(!Self.holds(.reviewerLevel, .atMost, .level(.emerging)))
        // matches
        #expect(Self.holds(.stepTask, .matches, .pattern(try MatchPattern("^progress-"))))
        #expect(!Self.holds(.stepTask, .matches, .pattern(try MatchPattern("^notes$"))))
    }

    /// A test of one string fact with `value`, in both evaluators.
    static func holds(_ text: String, _ op: ConditionOperator, _ value: TestValue) -> Bool {
        let condition = CompiledCondition.test(.stepDescription, op, value)
        let facts = FactFunction { $0 == .stepDescription ? .string(text) : .missing }
        var program = ConditionProgram()
        let start = program.append(condition)
        #expect(program.holds(at: start, facts) == condition.holds(facts), "the two evaluators disagree on \(condition)")
        return condition.holds(facts)
    }

    @Test("every text contains the empty text and matches the empty pattern; an absent one does neither")
    func emptyValues() throws {
        for text in ["", "abc"] {
            #expect(Self.holds(text, .contains, .string("")), "'\(text)' contains ''")
            #expect(Self.holds(text, .matches, .pattern(try MatchPattern(""))), "'\(text)' matches ''")
        }
        #expect(!Self.holds(.stepReviewer, .contains, .string("")))
        #expect(!Self.holds(.stepReviewer, .matches, .pattern(try MatchPattern(""))))
    }

    @Test("text is compared by whole characters and canonical equivalence")
    func characters() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"  // é as one scalar, and as e plus an accent
        #expect(Self.holds(decomposed, .equals, .string(composed)))
        #expect(Self.holds(decomposed, .in, .strings([composed])))
        #expect(!Self.holds(decomposed, .notIn, .strings([composed])))
        #expect(Self.holds("le " + decomposed, .contains, .string(composed)))
        #expect(!Self.holds(decomposed, .contains, .string("e")), "'e' is not a character of café")
        #expect(!Self.holds(decomposed, .contains, .string("\u{301}")), "nor is the accent alone")
        #expect(!Self.holds("👩‍👩‍👧", .contains, .string("👩")), "one family emoji is one character")
        #expect(!Self.holds("🇺🇸🇫🇷", .contains, .string("🇸🇫")), "flags are pairs")
        #expect(Self.holds(decomposed, .matches, .pattern(try MatchPattern("^caf.$"))), "'.' is one whole character")
        #expect(Self.holds(decomposed, .matches, .pattern(try MatchPattern(composed))))
    }

    @Test("matches: Swift Regex syntax, anywhere in the text, case-sensitive, anchors at the text's ends")
    func regularExpressions() throws {
        let matches = { (pattern: String, text: String) in Self.holds(text, .matches, .pattern(try MatchPattern(pattern))) }
        #expect(try matches("note", "progress-notes"), "unanchored: anywhere")
        #expect(try !matches("^Progress", "progress-notes"), "case-sensitive")
        #expect(try matches("(?i)^Progress", "progress-notes"), "inline options")
        #expect(try !matches("^b", "a\nb"), "^ is the start of the text")
        #expect(try matches("(?m)^b", "a\nb"), "unless (?m)")
        #expect(try !matches("a$", "a\n"), "$ is the very end")
        #expect(try matches("(\\w+) \\1", "very very"), "back-references")
        #expect(try matches("\\bnote\\b", "a note here"), "word boundaries")
        #expect(try matches("^\\d$", "\u{663}"), "\\d is any Unicode digit")
        #expect(try matches("^[0-9]$", "7") && !(try matches("^[0-9]$", "\u{663}")), "[0-9] is ASCII digits")
        #expect(throws: (any Error).self) { try MatchPattern("(unclosed") }
    }

    @Test("a test on a missing fact is false, so its negation is true")
    func missingFacts() {
        #expect(!Self.holds(.reviewerRole, .equals, .string("supervisor")))
        #expect(!Self.holds(.reviewerRole, .notEquals, .string("supervisor")))
        #expect(CompiledCondition.not(.test(.reviewerRole, .equals, .string("supervisor"))).holds(Self.facts))
    }

    @Test("all, any and not combine")
    func combinators() {
        let yes = CompiledCondition.test(.stepConsent, .equals, .bool(true))
        let no = CompiledCondition.test(.stepConsent, .equals, .bool(false))
        #expect(CompiledCondition.all([yes, yes]).holds(Self.facts))
        #expect(!CompiledCondition.all([yes, no]).holds(Self.facts))
        #expect(CompiledCondition.any([no, yes]).holds(Self.facts))
        #expect(!CompiledCondition.any([no, no]).holds(Self.facts))
        #expect(CompiledCondition.not(no).holds(Self.facts))
        var lines: [String] = []
        #expect(CompiledCondition.all([yes, .not(no)]).explain(Self.facts, into: &lines))
        #expect(lines.first == "all of:")
        #expect(lines.contains("  step.consent equals true: step.consent is true -> true"))
    }

    func compile(_ when: String) throws -> (CompiledCondition?, [Diagnostic]) {
        let text = "apiVersion: tacet/v1\nkind: Policy\nmetadata: {name: p}\nrules:\n  - id: r\n    severity: error\n    message: m\n    when: \(when)\n"
        let root = try YAMLParser().parse(text)
        let decoded = DocumentDecoder.decode(root, file: "p.yaml")
        guard case .policy(let policy) = decoded.document?.document, let rule = policy.rules.first else {
            Issue.record("did not decode: \(decoded.diagnostics)")
            return (nil, [])
        }
        var diagnostics: [Diagnostic] = []
        let compiled = ConditionCompiler.compile(rule.when, file: "p.yaml", root: root, into: &diagnostics)
        return (compiled, diagnostics)
    }

    @Test("the compiler types values by their fact")
    func compiles() throws {
        let (compiled, diagnostics) = try compile("{all: [{fact: step.ai, operator: atLeast, value: ai-drafted}, {fact: step.task, operator: in, value: [a, b]}]}")
        #expect(diagnostics.isEmpty)
        #expect(compiled == .all([.test(.stepAI, .atLeast, .ai(.aiDrafted)), .test(.stepTask, .in, .strings(["a", "b"]))]))
    }

    @Test("unknown facts, inapplicable operators and ill-typed values are refused with positions", arguments: [
        ("{fact: step.tol, operator: exists}", "document.undefined-reference", "did you mean 'step.tool'?"),
        ("{fact: step.consent, operator: atLeast, value: true}", "document.invalid-value", nil),
        ("{fact: step.ai, operator: equals, value: ai-draft}", "document.invalid-value", "did you mean 'ai-drafted'?"),
        ("{fact: step.consent, operator: equals, value: yes}", "document.wrong-type", "write `value: true`: YAML 1.2 reads only true and false as booleans"),
        ("{fact: step.task, operator: matches, value: '(['}", "document.invalid-value", nil),
        ("{fact: step.data, operator: contains, value: secret}", "document.invalid-value", nil),
        ("{fact: step.task, operator: in, value: notalist}", "document.wrong-type", nil),
    ] as [(String, String, String?)])
    func refused(when: String, code: String, hint: String?) throws {
        let (compiled, diagnostics) = try compile(when)
        #expect(compiled == nil)
        let first = try #require(diagnostics.first)
        #expect(first.code == code)
        #expect(first.location?.line == 8)
        if let hint { #expect(first.hint == hint) }
    }
}

@Suite("Partial evaluation")
struct PartialEvaluationTests {
    @Test("known facts decide what they can; the rest stays open")
    func partial() {
        let task = CompiledCondition.test(.stepTask, .equals, .string("notes"))
        let ai = CompiledCondition.test(.stepAI, .atLeast, .ai(.aiDrafted))
        let fixed: [Fact: FactValue] = [.stepTask: .string("research")]
        #expect(task.residual(fixing: fixed) == .always(false))
        #expect(CompiledCondition.all([task, ai]).residual(fixing: fixed) == .always(false))
        #expect(CompiledCondition.any([task, ai]).residual(fixing: fixed) == .depends(ai))
        #expect(CompiledCondition.not(task).residual(fixing: fixed) == .always(true))
        #expect(CompiledCondition.any([.not(task), ai]).residual(fixing: fixed) == .always(true))
        #expect(CompiledCondition.all([.not(task), ai]).residual(fixing: fixed) == .depends(ai))
        #expect(ai.residual(fixing: [:]) == .depends(ai))
    }
}
