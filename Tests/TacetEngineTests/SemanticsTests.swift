import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine

/// The edge cases docs/policy-rules.md decides: who is judged when a person or task is unknown,
/// which facts are absent, and how several bases stack. Each test names the section it pins.
@Suite("Semantics as documented")
struct SemanticsTests {
    /// Checks `step` against the fixture policy plus `rules`, with the fixture roster plus `people`.
    static func check(_ step: String, rules: String = "", people: [String] = []) throws -> CheckReport {
        var files = [("policy.yaml", Fixture.policy + (rules.isEmpty ? "" : "rules:\n" + rules)), ("wf.yaml", Fixture.workflow(step))]
        files += (Fixture.roster + people).enumerated().map { ("t\($0.offset).yaml", $0.element) }
        let workspace = try Fixture.workspace(files)
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        return CheckEngine.check(workspace, today: .epoch)
    }

    /// A rule `id` that fires when `when` holds.
    static func rule(_ id: String, _ when: String) -> String {
        "  - {id: \(id), severity: info, message: m, when: \(when)}\n"
    }

    @Test("Built-in requirements: the review requirements apply only when the task requires review")
    func reviewOnlyWhenRequired() throws {
        // Task research requires no review: ana reviewing her own step is not judged.
        let own = RequirementTests.step("task: research", "ai: ai-assisted", "data: [none]", "reviewer: ana")
        #expect(try Self.check(own).findings.isEmpty)
        // Nor are the role or level of a reviewer the task does not ask for.
        let low = RequirementTests.step("task: research", "ai: ai-assisted", "data: [none]", "reviewer: dee")
        #expect(try Self.check(low).findings.isEmpty)
    }

    @Test("Built-in requirements: a step of an unknown task still gets the tool requirements and every rule")
    func unknownTask() throws {
        let rules = Self.rule("no-task", "{fact: task.id, operator: exists, value: false}")
            + Self.rule("area-known", "{fact: task.area, operator: exists}")
            + Self.rule("not-scribe", "{not: {fact: step.tool, operator: equals, value: scribe}}")
        let report = try Self.check(RequirementTests.step("task: notez", "tool: scribbler"), rules: rules)
        #expect(Set(report.rules) == [Requirement.knownTask.rawValue, Requirement.toolApproved.rawValue, "no-task", "not-scribe"])
        // No task, so no AI level, review, consent, disclosure, task data or training to judge.
        let phi = try Self.check(RequirementTests.step("task: notez", "tool: chatbot", "reviewer:-", "consent:-"))
        #expect(Set(phi.rules) == [Requirement.knownTask.rawValue, Requirement.toolData.rawValue, Requirement.phiBAA.rawValue])
    }

    @Test("Built-in requirements: a reviewer not in the roster gets known-person only; one without a level in the area gets review-level")
    func reviewerLevels() throws {
        #expect(try Self.check(RequirementTests.step("reviewer: zed")).rules == [Requirement.knownPerson.rawValue])
        // Independence needs no roster.
        let both = try Self.check(RequirementTests.step("performer: zed", "reviewer: zed"))
        #expect(both.rules.sorted() == [Requirement.knownPerson.rawValue, Requirement.knownPerson.rawValue,
                                        Requirement.reviewIndependent.rawValue].sorted())
        let noLevel = """
            apiVersion: tacet/v1
            kind: Therapist
            metadata: {name: eve}
            name: Eve
            role: music-therapist
            credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
            levels: {rapport: advanced}

            """
        let report = try Self.check(RequirementTests.step("reviewer: eve"), people: [noLevel])
        #expect(report.rules == [Requirement.reviewLevel.rawValue])
        #expect(report.findings.first?.message.hasPrefix("reviewer eve has no level in documentation in the roster") == true)
    }

    @Test("Facts: performer.id and reviewer.id are what the step says; the roster's facts are absent for people it lacks")
    func peopleNotInRoster() throws {
        let rules = Self.rule("performer-named", "{fact: performer.id, operator: equals, value: zed}")
            + Self.rule("reviewer-named", "{fact: reviewer.id, operator: equals, value: yan}")
            + Self.rule("no-role", "{all: [{fact: performer.role, operator: exists, value: false}, {fact: reviewer.credential, operator: exists, value: false}]}")
            + Self.rule("no-level", "{not: {fact: reviewer.level, operator: exists}}")
        let report = try Self.check(RequirementTests.step("performer: zed", "reviewer: yan"), rules: rules)
        #expect(Set(report.rules) == [Requirement.knownPerson.rawValue, "performer-named", "reviewer-named", "no-role", "no-level"])
    }

    @Test("Facts: an unstated step.data is the empty set, present; an unstated step.description is absent")
    func unstatedFacts() throws {
        let rules = Self.rule("data-absent", "{fact: step.data, operator: exists, value: false}")
            + Self.rule("data-present", "{fact: step.data, operator: exists}")
            + Self.rule("sends-none", "{fact: step.data, operator: contains, value: none}")
            + Self.rule("description-absent", "{fact: step.description, operator: exists, value: false}")
            + Self.rule("description-empty", "{fact: step.description, operator: equals, value: \"\"}")
        let step = "task: notes\nai: human-only\nperformer: ana"
        #expect(Set(try Self.check(step, rules: rules).rules) == ["data-present", "description-absent"])
        let described = try Self.check(step + "\ndescription: \"\"", rules: rules)
        #expect(Set(described.rules) == ["data-present", "description-empty"])
    }
}
