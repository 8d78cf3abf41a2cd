import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine

@Suite("Policy layering")
struct LayeringTests {
    /// A team layer over the fixture's base policy, with `body` as its content.
    static func layer(_ body: String, name: String = "team", extends: String = "[base]") -> String {
        "apiVersion: tacet/v1\nkind: Policy\nmetadata: {name: \(name)}\nextends: \(extends)\n" + body
    }

    static func resolve(_ layer: String) throws -> (policies: [String: ResolvedPolicy], diagnostics: [Diagnostic]) {
        let workspace = try Fixture.workspace([("base.yaml", Fixture.policy), ("team.yaml", layer)])
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        return PolicyResolver.resolve(workspace.documents)
    }

    static let notesTask = """
        tasks:
          - id: notes
            title: Notes
            area: documentation
            maxAI: MAXAI
            requires:
              REVIEW
              consent: CONSENT
              disclosure: true
              data: [none, deidentified, phi]
            cite: [src]

        """

    static func notes(maxAI: String = "ai-drafted", review: String = "review: {role: therapist, area: documentation, minLevel: developing}",
                      consent: String = "true") -> String {
        notesTask.replacingOccurrences(of: "MAXAI", with: maxAI).replacingOccurrences(of: "REVIEW", with: review)
            .replacingOccurrences(of: "CONSENT", with: consent)
    }

    @Test("a layer that tightens is accepted and takes effect")
    func tighten() throws {
        let body = Self.notes(maxAI: "ai-assisted", review: "review: {role: therapist, area: documentation, minLevel: proficient}")
            + "tools:\n  - {id: chatbot, baa: false, data: [none]}\n"
            + "rules:\n  - {id: team-rule, severity: info, message: m, when: {fact: step.ai, operator: exists}}\n"
        let (policies, diagnostics) = try Self.resolve(Self.layer(body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let team = try #require(policies["team"])
        #expect(!team.hasErrors)
        #expect(team.tasks["notes"]?.value.maxAI == .aiAssisted)
        #expect(team.tasks["notes"]?.document.file == "team.yaml")
        #expect(team.tasks["research"]?.document.file == "base.yaml")
        #expect(team.tools["chatbot"]?.value.data == [.none])
        #expect(team.rules.map(\.id) == ["team-rule"])
        #expect(team.layers.map(\.name) == ["base", "team"])
    }

    @Test("a layer that loosens is refused at the loosening line", arguments: [
        ("tasks:\n  - {id: research, title: R, area: clinical-reasoning, maxAI: ai-drafted, requires: {data: [none]}, cite: [src]}\n",
         "raises task 'research' from ai-assisted to ai-drafted", "/tasks/0/maxAI"),
        ("tasks:\n  - {id: research, title: R, area: assessment, maxAI: ai-assisted, requires: {data: [none]}, cite: [src]}\n",
         "moves task 'research' from area 'clinical-reasoning' to 'assessment'", "/tasks/0/area"),
        ("tasks:\n  - {id: research, title: R, area: clinical-reasoning, maxAI: ai-assisted, requires: {data: [none, phi]}, cite: [src]}\n",
         "lets task 'research' send phi data to AI, which the base does not", "/tasks/0/requires/data"),
        (notes(review: "review: {role: therapist, area: documentation, minLevel: emerging}"),
         "lowers the review level of 'notes' from developing to emerging", "/tasks/0/requires/review/minLevel"),
        // Leaving review out inherits it; only `review: null` says there is none.
        (notes(review: "review: null"), "drops the review requirement of 'notes'", "/tasks/0/requires/review"),
        (notes(consent: "false"), "drops the consent requirement of 'notes'", "/tasks/0/requires/consent"),
        ("tools:\n  - {id: chatbot, baa: false, data: [none, deidentified, phi]}\n", "widens tool 'chatbot' to data phi", "/tools/0/data"),
        ("tools:\n  - {id: chatbot, baa: true, data: [none]}\n",
         "claims a business associate agreement for 'chatbot' that the base policy does not", "/tools/0/baa"),
        ("tools:\n  - {id: newtool, baa: true, data: [none]}\n", "approves tool 'newtool', which the base policy does not approve", "/tools/0"),
    ])
    func loosen(body: String, message: String, pointer: String) throws {
        let (policies, diagnostics) = try Self.resolve(Self.layer(body))
        let diagnostic = try #require(diagnostics.first, "nothing reported")
        #expect(diagnostic.code == PolicyErrorCode.loosens.rawValue)
        #expect(diagnostic.message == message)
        #expect(diagnostic.pointer == pointer)
        #expect(diagnostic.location?.file == "team.yaml")
        #expect(policies["team"]?.hasErrors == true)
        #expect(policies["base"]?.hasErrors == false)
    }

    @Test("a layer cannot restate a base rule")
    func duplicateRule() throws {
        let base = Fixture.policy + "rules:\n  - {id: r1, severity: error, message: m, when: {fact: step.ai, operator: exists}}\n"
        let team = Self.layer("rules:\n  - {id: r1, severity: info, message: m, when: {fact: step.ai, operator: exists}}\n")
        let workspace = try Fixture.workspace([("base.yaml", base), ("team.yaml", team)])
        let (_, diagnostics) = PolicyResolver.resolve(workspace.documents)
        #expect(diagnostics.map(\.code) == [PolicyErrorCode.duplicateRule.rawValue])
        #expect(diagnostics.first?.notes.first?.location?.file == "base.yaml")
    }

    @Test("unknown bases and cycles are refused")
    func extendsProblems() throws {
        let (_, unknown) = try Self.resolve(Self.layer("", extends: "[bsae]"))
        #expect(unknown.first?.message == "unknown policy 'bsae' in extends")
        #expect(unknown.first?.hint == "did you mean 'base'?")
        let a = Self.layer("", name: "a", extends: "[b]")
        let b = Self.layer("", name: "b", extends: "[a]")
        let workspace = try Fixture.workspace([("a.yaml", a), ("b.yaml", b)])
        let (policies, cycle) = PolicyResolver.resolve(workspace.documents)
        #expect(cycle.contains { $0.message.hasPrefix("extends makes a cycle") })
        #expect(policies["a"]?.hasErrors == true)
    }

    @Test("several bases stack in order: each later base goes over the earlier ones as a layer, shared layers once")
    func severalBases() throws {
        let a = Self.layer(Self.notes(maxAI: "ai-assisted")
                           + "rules:\n  - {id: rule-a, severity: info, message: m, when: {fact: step.ai, operator: exists}}\n", name: "a")
        let b = Self.layer("tools:\n  - {id: chatbot, baa: false, data: [none]}\n"
                           + "rules:\n  - {id: rule-b, severity: info, message: m, when: {fact: step.ai, operator: exists}}\n", name: "b")
        let c = Self.layer("", name: "c", extends: "[a, b]")
        func resolve(_ b: String) throws -> (policies: [String: ResolvedPolicy], diagnostics: [Diagnostic]) {
            PolicyResolver.resolve(try Fixture.workspace([("base.yaml", Fixture.policy), ("a.yaml", a), ("b.yaml", b), ("c.yaml", c)]).documents)
        }
        let (policies, diagnostics) = try resolve(b)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let merged = try #require(policies["c"])
        #expect(merged.layers.map(\.name) == ["base", "a", "b", "c"])
        #expect(merged.tasks["notes"]?.value.maxAI == .aiAssisted)
        #expect(merged.tools["chatbot"]?.value.data == [.none])
        #expect(merged.rules.map(\.id) == ["rule-a", "rule-b"])
        // b restating notes as the base has it is fine on its own, but over a it raises the AI level:
        // the error is at b's line, and only the policy that stacks them is invalid.
        let (loose, problems) = try resolve(Self.layer(Self.notes(), name: "b"))
        #expect(problems.map(\.message) == ["raises task 'notes' from ai-assisted to ai-drafted"])
        #expect(problems.first?.location?.file == "b.yaml")
        #expect(loose["b"]?.hasErrors == false)
        #expect(loose["c"]?.hasErrors == true)
    }

    @Test("a layer's citations resolve against its base's")
    func layerCitations() throws {
        let (_, ok) = try Self.resolve(Self.layer(Self.notes()))
        #expect(ok.isEmpty)
        let (_, bad) = try Self.resolve(Self.layer(Self.notes().replacingOccurrences(of: "cite: [src]", with: "cite: [srcc]")))
        #expect(bad.first?.message == "unknown citation 'srcc'")
    }

    @Test("a layer states only the fields it changes: the rest is inherited, and its citations add to the base's")
    func partialTask() throws {
        let body = """
            citations:
              - {id: team-src, title: Team decision, source: team, assumption: true}
            tasks:
              - id: notes
                maxAI: ai-assisted
                requires:
                  review: {minLevel: proficient}
                cite: [team-src]

            """
        let (policies, diagnostics) = try Self.resolve(Self.layer(body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let base = try #require(policies["base"]?.tasks["notes"]?.value)
        var expected = base
        expected.maxAI = .aiAssisted
        expected.requires.review?.minLevel = .proficient
        expected.cite = ["src", "team-src"]
        let notes = try #require(policies["team"]?.tasks["notes"])
        #expect(notes.value == expected)
        #expect(notes.document.file == "team.yaml")
        #expect(policies["team"]?.taskOrder == policies["base"]?.taskOrder)
        // A restatement that leaves out requirements and citations inherits them instead of losing them.
        let (restated, none) = try Self.resolve(Self.layer("tasks:\n  - {id: notes, title: Notes, area: documentation, maxAI: ai-drafted}\n"))
        #expect(none.isEmpty, "\(none)")
        #expect(restated["team"]?.tasks["notes"]?.value == base)
    }

    @Test("a partial task the base does not classify is refused with a did-you-mean; a whole one is a new task")
    func unknownTask() throws {
        let (_, typo) = try Self.resolve(Self.layer("tasks:\n  - {id: nots, maxAI: ai-assisted}\n"))
        #expect(typo.map(\.message) == ["unknown task 'nots': base does not classify it, and as a new task it lacks title and area"])
        #expect(typo.first?.code == DocumentErrorCode.undefinedReference.rawValue)
        #expect(typo.first?.hint == "did you mean 'notes'?")
        #expect(typo.first?.pointer == "/tasks/0/id")
        let (_, far) = try Self.resolve(Self.layer("tasks:\n  - {id: music-selection, title: Music selection}\n"))
        #expect(far.first?.hint == "to add a new task, give it area and maxAI as well")
        let whole = "tasks:\n  - {id: music-selection, title: Music selection, area: rapport, maxAI: ai-assisted, cite: [src]}\n"
        let (policies, none) = try Self.resolve(Self.layer(whole))
        #expect(none.isEmpty, "\(none)")
        #expect(policies["team"]?.taskOrder.last == "music-selection")
        #expect(policies["team"]?.tasks["music-selection"]?.value.maxAI == .aiAssisted)
    }

    @Test("a review is inherited part by part; one the base lacks must be stated whole, and review: null drops it")
    func partialReview() throws {
        let (policies, none) = try Self.resolve(Self.layer("tasks:\n  - {id: plans, requires: {review: {area: documentation}}}\n"))
        #expect(none.isEmpty, "\(none)")
        #expect(policies["team"]?.tasks["plans"]?.value.requires.review == policies["base"]?.tasks["plans"]?.value.requires.review.map {
            var review = $0
            review.area = "documentation"
            return review
        })
        let (_, missing) = try Self.resolve(Self.layer("tasks:\n  - {id: research, requires: {review: {minLevel: proficient}}}\n"))
        #expect(missing.map(\.message) == ["a review requirement is missing required key 'role'"])
        #expect(missing.first?.hint == "base requires no review of 'research', so there is none to inherit role from")
        #expect(missing.first?.pointer == "/tasks/0/requires/review")
        let (_, dropped) = try Self.resolve(Self.layer("tasks:\n  - {id: plans, requires: {review: null}}\n"))
        #expect(dropped.map(\.message) == ["drops the review requirement of 'plans'"])
    }

    @Test("a layer that marks a delegated logistics task clinical must lower its AI level too")
    func clinicalDelegated() throws {
        let base = Fixture.policy + "  - {id: rota, title: Rota, area: documentation, maxAI: ai-delegated, clinical: false, cite: [src]}\n"
        let layer = Self.layer("tasks:\n  - {id: rota, clinical: true}\n")
        let (policies, diagnostics) = PolicyResolver.resolve(try Fixture.workspace([("base.yaml", base), ("team.yaml", layer)]).documents)
        #expect(diagnostics.map(\.message) == ["marks task 'rota' clinical, and a clinical task cannot be ai-delegated"])
        #expect(diagnostics.first?.pointer == "/tasks/0/clinical")
        #expect(policies["team"]?.hasErrors == true)
        let lowered = Self.layer("tasks:\n  - {id: rota, clinical: true, maxAI: ai-drafted}\n")
        #expect(PolicyResolver.resolve(try Fixture.workspace([("base.yaml", base), ("team.yaml", lowered)]).documents).diagnostics.isEmpty)
    }

    @Test("workflows are checked against the layer they name, and a broken policy checks nothing")
    func choice() throws {
        let layer = Self.layer(Self.notes(review: "review: {role: therapist, area: documentation, minLevel: proficient}"))
        var files = [("base.yaml", Fixture.policy), ("team.yaml", layer),
                     ("wf.yaml", Fixture.workflow(Fixture.goodStep, extra: "policy: team\n"))]
        files += Fixture.roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        let report = CheckEngine.check(try Fixture.workspace(files), today: .epoch)
        #expect(report.rules == [Requirement.reviewLevel.rawValue])  // ben is developing; the team wants proficient
        var unnamed = files
        unnamed[2] = ("wf.yaml", Fixture.workflow(Fixture.goodStep))
        let ambiguous = CheckEngine.check(try Fixture.workspace(unnamed), today: .epoch)
        // Unnamed, the workflow gets the only policy no other extends: the team layer, with the same finding.
        #expect(ambiguous.rules == [Requirement.reviewLevel.rawValue])
        #expect(ambiguous.problems.isEmpty, "\(ambiguous.problems)")
        var broken = files
        broken[1] = ("team.yaml", Self.layer(Self.notes(review: "review: {role: therapist, area: documentation, minLevel: emerging}")))
        let invalid = CheckEngine.check(try Fixture.workspace(broken), today: .epoch)
        #expect(invalid.inputInvalid)
        #expect(invalid.problems.contains { $0.code == PolicyErrorCode.policyInvalid.rawValue })
        #expect(invalid.workflowsChecked == 0)
    }
}

@Suite("Rule placement")
struct RulePlacementTests {
    @Test("'at' must name a step fact, with a suggestion")
    func at() throws {
        let policy = Fixture.policy + "rules:\n  - {id: r, severity: info, message: m, at: step.tol, when: {fact: step.ai, operator: exists}}\n"
        let workspace = try Fixture.workspace([("policy.yaml", policy)])
        let (policies, diagnostics) = PolicyResolver.resolve(workspace.documents)
        let error = try #require(diagnostics.first)
        #expect(error.code == "document.invalid-value")
        #expect(error.hint == "did you mean 'step.tool'?")
        #expect(error.pointer == "/rules/0/at")
        #expect(policies["base"]?.hasErrors == true)
    }
}
