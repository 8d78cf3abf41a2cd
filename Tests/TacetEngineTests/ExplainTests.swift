import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine
import TacetTestSupport

/// `explain` shows what the checker did at a step: the same verdicts as `check`'s findings, and never
/// a pass for a requirement the checker did not check.
@Suite("Explain")
struct ExplainTests {
    /// The explanation of the only step of `step` (a workflow step body) against the fixture policy and roster.
    static func explain(_ step: String) throws -> StepExplanation {
        var files = [("policy.yaml", Fixture.policy), ("wf.yaml", Fixture.workflow(step))]
        files += Fixture.roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        return try Explainer.explain(step: "s1", of: "wf", in: try Fixture.workspace(files), today: .epoch)
    }

    static func line(_ requirement: Requirement, in explanation: StepExplanation) throws -> StepExplanation.RequirementLine {
        try #require(explanation.requirements.first { $0.requirement == requirement })
    }

    @Test("a step without an approved tool still may not send the task's forbidden data; what needs the tool is not checked",
          arguments: ["tool:-", "tool: scribbler"])
    func taskDataWithoutTool(tool: String) throws {
        let explanation = try Self.explain(RequirementTests.step("task: research", "ai: ai-assisted", "reviewer:-", "data: [phi]", tool))
        let taskData = try Self.line(.taskData, in: explanation)
        #expect(taskData.verdict == .failed)
        #expect(taskData.reason == "task 'research' may not send phi data to AI")
        let toolData = try Self.line(.toolData, in: explanation)
        #expect(toolData.verdict == .notChecked)
        #expect(toolData.reason == (tool == "tool:-" ? "the step names no tool" : "the tool is not approved"))
        #expect(try Self.line(.phiBAA, in: explanation).verdict == .notChecked)
    }

    @Test("requirements the checker skips are not checked, with its reason, never passed")
    func notChecked() throws {
        let human = try Self.explain("task: research\nai: human-only\ndata: [phi]\nperformer: ana")
        for requirement in Requirement.allCases where ![.knownTask, .knownPerson, .aiLevel].contains(requirement) {
            let line = try Self.line(requirement, in: human)
            #expect(line.verdict == .notChecked, "\(requirement)")
            #expect(line.reason == "the step uses no AI", "\(requirement)")
        }
        #expect(try Self.line(.aiLevel, in: human).verdict == .passed)
        let unknown = try Self.explain(RequirementTests.step("task: notez"))
        #expect(try Self.line(.knownTask, in: unknown).verdict == .failed)
        #expect(try Self.line(.taskData, in: unknown).reason == "the task is unknown")
        #expect(try Self.line(.toolData, in: unknown).verdict == .passed)
        let unrestricted = try Self.explain(RequirementTests.step("task: plans", "reviewer: cho", "data: [none]"))
        #expect(try Self.line(.taskData, in: unrestricted).verdict == .notChecked)
        #expect(try Self.line(.taskData, in: unrestricted).reason == "the task does not restrict data classes")
    }

    @Test("each test of a condition is said as a clause that states the fact's value, true as written")
    func clauses() throws {
        func clause(_ fact: Fact, _ op: ConditionOperator, _ expected: TestValue, _ actual: FactValue) -> String {
            ConditionReason.clause(fact, op, expected, actual)
        }
        #expect(clause(.workflowPopulation, .contains, .string("trauma"), .string("adults after trauma"))
            == "the workflow's population mentions 'trauma'")
        #expect(clause(.workflowPopulation, .contains, .string("trauma"), .string("children")) == "the workflow's population does not mention 'trauma'")
        #expect(clause(.workflowPopulation, .contains, .string("trauma"), .missing) == "the workflow's population is not stated")
        #expect(clause(.stepTool, .exists, .none, .missing) == "the step names no tool")
        #expect(clause(.stepReviewer, .exists, .none, .string("t-ana")) == "the step's reviewer is 't-ana'")
        #expect(clause(.stepAI, .equals, .ai(.aiDelegated), .ai(.aiDrafted)) == "the step's AI level is ai-drafted, not ai-delegated")
        #expect(clause(.stepAI, .notEquals, .ai(.aiDelegated), .ai(.aiDelegated)) == "the step's AI level is ai-delegated")
        #expect(clause(.performerLevel, .atLeast, .level(.proficient), .level(.emerging)) == "the performer's level in the task's area is emerging, below proficient")
        #expect(clause(.performerLevel, .atMost, .level(.proficient), .level(.emerging)) == "the performer's level in the task's area is emerging, at most proficient")
        #expect(clause(.workflowTeam, .in, .strings(["a", "b"]), .string("c")) == "the workflow's team is 'c', none of [a, b]")
        #expect(clause(.workflowTeam, .notIn, .strings(["a", "b"]), .string("c")) == "the workflow's team is 'c', none of [a, b]")
        #expect(clause(.stepData, .contains, .dataClass(.phi), .dataClasses(DataClasses([.deidentified])))
            == "the data the step sends do not include phi")
        #expect(clause(.stepDescription, .matches, .pattern(try MatchPattern("MRN[0-9]+")), .string("no number"))
            == "the step's description does not match /MRN[0-9]+/")
        #expect(clause(.stepConsent, .equals, .bool(true), .bool(false)) == "the step does not record the client's consent")
        #expect(clause(.toolBAA, .equals, .bool(true), .bool(true)) == "a business associate agreement covers the tool")
    }

    // MARK: - explain agrees with check on random policies and workflows

    static let names = ConditionProgramTests.texts
    static let levels = CompetencyLevel.allCases.map(\.rawValue)
    static let ais = AIUseLevel.allCases.map(\.rawValue)

    static func pick<T>(_ values: [T], _ random: inout SplitMix64) -> T { values[random.int(0...(values.count - 1))] }

    /// Up to three distinct data classes (a list that is a set may not repeat one), in random order.
    static func dataClasses(_ random: inout SplitMix64, atLeastOne: Bool) -> String {
        var pool = DataClass.allCases.map(\.rawValue)
        let count = random.int((atLeastOne ? 1 : 0)...min(3, pool.count))
        return "[" + (0..<count).map { _ in pool.remove(at: random.int(0...(pool.count - 1))) }.joined(separator: ", ") + "]"
    }

    /// A random policy named `p`: two tools, three tasks with random requirements, and `rules` rules
    /// whose conditions the test replaces with random compiled ones.
    static func policy(rules: Int, _ random: inout SplitMix64) -> String {
        var text = "apiVersion: tacet/v1\nkind: Policy\nmetadata: {name: p}\ncitations:\n  - {id: src, title: S, source: test}\ntools:\n"
        for tool in ["a", "b"] {
            text += "  - {id: \(tool), baa: \(random.chance(50)), data: \(dataClasses(&random, atLeastOne: true))}\n"
        }
        text += "tasks:\n"
        for task in ["a", "ab", "progress-notes"] {
            text += "  - id: \(task)\n    title: T\n    area: \(pick(["documentation", "rapport", "assessment"], &random))\n"
            // Only a task that is not clinical may be delegated to AI.
            let maxAI = pick(ais, &random)
            text += "    maxAI: \(maxAI)\n    clinical: \(maxAI != "ai-delegated" && random.chance(50))\n    cite: [src]\n    requires:\n"
            text += "      consent: \(random.chance(50))\n      disclosure: \(random.chance(50))\n"
            if random.chance(60) {
                text += "      review: {role: \(pick(["therapist", "supervisor"], &random)), minLevel: \(pick(levels, &random))"
                    + (random.chance(30) ? ", area: rapport}\n" : "}\n")
            }
            if random.chance(60) { text += "      data: \(dataClasses(&random, atLeastOne: true))\n" }
            if random.chance(20) { text += "      training: [course-1]\n" }
        }
        if rules > 0 { text += "rules:\n" }
        for index in 0..<rules {
            text += "  - {id: r\(index), severity: \(pick(["error", "warning", "info"], &random)), "
                + "when: {fact: step.id, operator: exists}, message: m, cite: [src]}\n"
        }
        return text
    }

    /// A random workflow with one to four steps over the policy's tasks and tools, an unknown task and
    /// tool, the roster's people and someone not in it.
    static func workflow(_ random: inout SplitMix64) -> String {
        var text = "apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: w"
            + (random.chance(70) ? ", team: \(pick(names, &random))}\n" : "}\n")
        if random.chance(50) { text += "setting: \(pick(names, &random))\n" }
        text += "steps:\n"
        for index in 0..<random.int(1...4) {
            text += "  - id: s\(index)\n    task: \(pick(["a", "ab", "progress-notes", "b"], &random))\n    ai: \(pick(ais, &random))\n"
            text += "    performer: \(pick(["a", "ab", "b", "team-1"], &random))\n"
            if random.chance(80) { text += "    tool: \(pick(["a", "b", "ab"], &random))\n" }
            if random.chance(80) { text += "    data: \(dataClasses(&random, atLeastOne: false))\n" }
            if random.chance(70) { text += "    reviewer: \(pick(["a", "ab", "b", "team-1"], &random))\n" }
            if random.chance(70) { text += "    consent: \(random.chance(50))\n" }
            if random.chance(70) { text += "    disclosure: \(random.chance(50))\n" }
            if random.chance(30) { text += "    description: \(pick(names, &random))\n" }
        }
        return text
    }

    @Test("on random policies, rosters and workflows, explain's verdicts for each step are check's findings")
    func agreesWithCheck() throws {
        var random = SplitMix64(state: 15)
        var compared = 0
        var failedRequirements = Set<String>()
        var firedRules = 0
        for number in 0..<500 {
            let rules = random.int(0...4)
            var files = [("policy.yaml", Self.policy(rules: rules, &random)), ("w.yaml", Self.workflow(&random))]
            // The roster: a and ab always, b sometimes; team-1 never, so some people are unknown.
            for person in ["a", "ab", "b"] where person != "b" || random.chance(50) {
                files.append(("\(person).yaml", Fixture.therapist(person, role: Self.pick(["music-therapist", "supervisor"], &random),
                                                                   documentation: Self.pick(Self.levels, &random))))
            }
            let workspace = try Fixture.workspace(files)
            try #require(workspace.diagnostics.isEmpty, "case \(number): \(workspace.diagnostics.map(\.message))")
            let (policies, problems) = PolicyResolver.resolve(workspace.documents)
            try #require(problems.isEmpty, "case \(number): \(problems.map(\.message))")
            var policy = try #require(policies["p"])
            for index in 0..<rules {
                policy.rules[index].condition = try ConditionProgramTests.condition(depth: 3, &random)
                policy.rules[index].at = Self.pick([nil, .stepTool, .stepData, .stepReviewer, .taskArea] as [Fact?], &random)
            }
            let roster = Roster(workspace.documents)
            let document = try #require(workspace.documents.first { $0.kind == .workflow })
            guard case .workflow(let workflow) = document.document else { continue }
            let checker = WorkflowChecker(policy: policy, roster: roster, today: .epoch)
            let findings = checker.check(document, workflow)
            #expect(checker.specialized(to: workflow).check(document, workflow) == findings, "case \(number)")
            for index in workflow.steps.indices {
                let explanation = Explainer.explain(step: index, of: document, workflow, policy: policy, roster: roster,
                                                    today: .epoch, exceptions: [])
                let found = Set(findings.filter { $0.pointer?.hasPrefix("/steps/\(index)") == true }.map(\.code))
                let failed = explanation.requirements.filter { $0.verdict == .failed }.map(\.requirement.rawValue)
                let fired = explanation.rules.filter { $0.verdict == .failed }.map(\.rule.id)
                #expect(Set(failed + fired) == found, "case \(number), step \(index)")
                for line in explanation.requirements where line.verdict == .notChecked {
                    #expect(line.reason != "the checker did not consult it", "case \(number): \(line.requirement)")
                }
                // The verdict shown for a rule is the one its whole condition, traced beneath it, comes to.
                let context = StepContext(workflow: workflow, step: index, policy: policy, roster: roster)
                for line in explanation.rules {
                    #expect((line.verdict == .failed) == line.rule.condition.holds(context), "case \(number): \(line.rule.id)")
                    // And is said in words, from the facts that decide it.
                    #expect(!line.because.isEmpty || line.rule.condition.facts.isEmpty, "case \(number): \(line.rule.id) \(line.rule.condition)")
                }
                compared += 1
                failedRequirements.formUnion(failed)
                firedRules += fired.count
            }
        }
        // Every requirement failed somewhere and rules fired, so agreement was tested on both outcomes.
        #expect(failedRequirements == Set(Requirement.allCases.map(\.rawValue)), "\(Set(Requirement.allCases.map(\.rawValue)).subtracting(failedRequirements))")
        #expect(firedRules > 100)
        #expect(compared > 1_000)
    }
}
