import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine

@Suite("Policy lint")
struct LintTests {
    static let framework = """
        apiVersion: tacet/v1
        kind: Framework
        metadata: {name: fw}
        occupation: {soc: "1", title: T}
        levels: [emerging, developing, proficient, advanced]
        statements:
          - {id: d1, level: emerging, title: D1, description: d}
          - {id: c1, level: emerging, title: C1, description: c}
          - {id: r1, level: emerging, title: R1, description: r}
        areas:
          - {id: documentation, title: Documentation, chain: [d1]}
          - {id: clinical-reasoning, title: Clinical reasoning, chain: [c1]}
          - {id: rapport, title: Rapport, chain: [r1]}
        aiAtWork:
          - {id: documentation-drafting, title: Documentation drafting, description: d}
        onetTasks:
          - {id: onet-document, title: Document things}

        """

    /// The fixture policy with every framework item classified, plus `rules`.
    static func policy(rules: String = "", extra: (String) -> String = { $0 }) -> String {
        let classified = Fixture.policy.replacingOccurrences(of: "    maxAI: ai-drafted\n    requires:\n      review: {role: therapist",
                                                             with: "    maxAI: ai-drafted\n    classifies: [documentation-drafting, onet-document]\n    requires:\n      review: {role: therapist")
        return extra(classified) + (rules.isEmpty ? "" : "rules:\n" + rules)
    }

    static func lint(_ policy: String) throws -> PolicyLinter.Report {
        PolicyLinter.lint(try Fixture.workspace([("fw.yaml", framework), ("policy.yaml", policy)]))
    }

    @Test("a clean policy has no lint finding")
    func clean() throws {
        let report = try Self.lint(Self.policy())
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test("rules that can never hold and rules that always hold", arguments: [
        ("{all: [{fact: step.ai, operator: equals, value: human-only}, {fact: step.ai, operator: atLeast, value: ai-drafted}]}",
         PolicyErrorCode.neverHolds),
        ("{all: [{fact: step.task, operator: equals, value: a}, {fact: step.task, operator: in, value: [b, c]}]}",
         PolicyErrorCode.neverHolds),
        ("{all: [{fact: reviewer.level, operator: atLeast, value: advanced}, {fact: reviewer.level, operator: atMost, value: proficient}]}",
         PolicyErrorCode.neverHolds),
        ("{fact: step.ai, operator: exists}", PolicyErrorCode.alwaysHolds),
        ("{any: [{fact: step.consent, operator: equals, value: true}, {not: {fact: step.consent, operator: equals, value: true}}]}",
         PolicyErrorCode.alwaysHolds),
        // An empty contains or matches holds for every text: on a fact every step has, for every step.
        ("{fact: step.task, operator: contains, value: \"\"}", PolicyErrorCode.alwaysHolds),
        ("{fact: step.id, operator: matches, value: \"\"}", PolicyErrorCode.alwaysHolds),
        ("{not: {fact: performer.id, operator: contains, value: \"\"}}", PolicyErrorCode.neverHolds),
        ("{all: [{fact: step.tool, operator: exists, value: false}, {fact: step.tool, operator: matches, value: \"\"}]}",
         PolicyErrorCode.neverHolds),
    ])
    func neverOrAlways(when: String, code: PolicyErrorCode) throws {
        let report = try Self.lint(Self.policy(rules: "  - {id: r, severity: warning, message: m, when: \(when)}\n"))
        #expect(report.findings.map(\.code) == [code.rawValue])
        #expect(report.findings.first?.pointer == "/rules/0/when")
    }

    @Test("an empty contains or matches on a fact that may be absent is a presence test in disguise, flagged at its value")
    func emptyTextTests() throws {
        let when = "{all: [{fact: step.ai, operator: atLeast, value: ai-drafted}, {fact: step.description, operator: contains, value: \"\"}]}"
        let report = try Self.lint(Self.policy(rules: "  - {id: r, severity: warning, message: m, when: \(when)}\n"))
        #expect(report.findings.map(\.code) == [PolicyErrorCode.emptyTextTest.rawValue])
        let finding = try #require(report.findings.first)
        #expect(finding.pointer == "/rules/0/when/all/1/value")
        #expect(finding.severity == .warning)
        #expect(finding.message == "rule 'r' tests step.description contains '': every text contains the empty text, so the test only asks whether step.description is present")
        #expect(finding.hint == "write {fact: step.description, operator: exists} if that is meant, or give the text to look for")
        let matches = when.replacingOccurrences(of: "operator: contains", with: "operator: matches")
        let pattern = try Self.lint(Self.policy(rules: "  - {id: r, severity: warning, message: m, when: \(matches)}\n"))
        #expect(pattern.findings.first?.message.contains("the empty pattern matches every text") == true)
        // A value, even one character, is a real test.
        let real = when.replacingOccurrences(of: "value: \"\"", with: "value: x")
        #expect(try Self.lint(Self.policy(rules: "  - {id: r, severity: warning, message: m, when: \(real)}\n")).findings.isEmpty)
    }

    @Test("a rule that flags every allowed use of a task at a level makes the allowance dead")
    func deadAllowance() throws {
        let when = "{all: [{fact: step.task, operator: equals, value: notes}, {fact: step.ai, operator: equals, value: ai-drafted}]}"
        let report = try Self.lint(Self.policy(rules: "  - {id: no-drafted-notes, severity: error, message: m, when: \(when)}\n"))
        let dead = try #require(report.findings.first)
        #expect(dead.code == PolicyErrorCode.deadAllowance.rawValue)
        #expect(dead.message == "rule 'no-drafted-notes' flags every ai-drafted use of task 'notes', which the task table allows: the allowance is dead")
        #expect(report.findings.count == 1)
        // A rule that depends on something the step chooses leaves the allowance alive.
        let alive = "{all: [{fact: step.task, operator: equals, value: notes}, {fact: step.reviewer, operator: exists, value: false}]}"
        #expect(try Self.lint(Self.policy(rules: "  - {id: r, severity: error, message: m, when: \(alive)}\n")).findings.isEmpty)
    }

    @Test("unclassified framework items, unknown areas, bad classifications and uncited tasks")
    func classification() throws {
        let unclassified = try Self.lint(Fixture.policy)
        #expect(Set(unclassified.findings.map(\.message)) == [
            "AI-at-Work statement 'documentation-drafting' is classified by no task of policy 'base'",
            "O*NET task 'onet-document' is classified by no task of policy 'base'",
        ])
        #expect(unclassified.findings.allSatisfy { $0.location?.file == "fw.yaml" && $0.severity == .warning })
        let badArea = try Self.lint(Self.policy { $0.replacingOccurrences(of: "area: rapport", with: "area: raport") })
        #expect(badArea.findings.first?.code == PolicyErrorCode.unknownArea.rawValue)
        #expect(badArea.findings.first?.hint == "did you mean 'rapport'?")
        let badClass = try Self.lint(Self.policy { $0.replacingOccurrences(of: "classifies: [documentation-drafting, onet-document]",
                                                                          with: "classifies: [documentation-drafting, onet-documnt]") })
        #expect(badClass.findings.contains { $0.hint == "did you mean 'onet-document'?" })
        let uncited = try Self.lint(Self.policy { $0.replacingOccurrences(of: "    maxAI: human-only\n    cite: [src]\n", with: "    maxAI: human-only\n") })
        #expect(uncited.findings.map(\.code) == [PolicyErrorCode.uncited.rawValue])
    }

    @Test("an area a layer inherits is reported once, where the base writes it, not again at the layer's task")
    func inheritedArea() throws {
        let base = Self.policy { $0.replacingOccurrences(of: "area: rapport", with: "area: raport") }
        let layer = "apiVersion: tacet/v1\nkind: Policy\nmetadata: {name: team}\nextends: [base]\ntasks:\n  - {id: affect, title: Reading affect}\n"
        let report = PolicyLinter.lint(try Fixture.workspace([("fw.yaml", Self.framework), ("policy.yaml", base), ("team.yaml", layer)]))
        #expect(report.problems.isEmpty, "\(report.problems)")
        let areas = report.findings.filter { $0.code == PolicyErrorCode.unknownArea.rawValue }
        #expect(areas.map { $0.location?.file } == ["policy.yaml"])
    }

    @Test("analysis is exact on small domains")
    func analysis() {
        let drafted = CompiledCondition.test(.stepAI, .atLeast, .ai(.aiDrafted))
        #expect(ConditionAnalysis().canHold(drafted) == true)
        #expect(ConditionAnalysis().alwaysHolds(drafted) == false)
        #expect(ConditionAnalysis(fixed: [.stepAI: .ai(.aiDelegated)]).alwaysHolds(drafted) == true)
        let data = CompiledCondition.all([.test(.stepData, .contains, .dataClass(.phi)), .not(.test(.stepData, .contains, .dataClass(.phi)))])
        #expect(ConditionAnalysis().canHold(data) == false)
        let text = CompiledCondition.test(.stepTask, .matches, .pattern(try! MatchPattern("x")))
        #expect(ConditionAnalysis().canHold(text) == true)
        #expect(ConditionAnalysis().alwaysHolds(text) == false)
    }
}

@Suite("Policy lint: quoted statements")
struct LintStatementTests {
    @Test("a citation quoting a statement the framework lacks is an error; one it has is fine")
    func quotedStatements() throws {
        let good = LintTests.policy { $0.replacingOccurrences(of: "  - {id: src, title: Source, source: test}",
                                                              with: "  - {id: src, title: Source, source: test, statement: d1}") }
        #expect(try LintTests.lint(good).findings.isEmpty)
        let bad = LintTests.policy { $0.replacingOccurrences(of: "  - {id: src, title: Source, source: test}",
                                                             with: "  - {id: src, title: Source, source: test, statement: d2}") }
        let finding = try #require(try LintTests.lint(bad).findings.first)
        #expect(finding.message == "citation 'src' quotes statement 'd2', which the framework does not have")
        #expect(finding.pointer == "/citations/0/statement")
    }
}
