import Foundation
import Testing
import TacetDocuments
import TacetTestSupport
import TacetTool

/// Messages for the mistakes a clinical director makes in a first hour with Tacet (issue 20, item 4):
/// each says what to write, from the exact file the person wrote.
@Suite("First-hour messages")
struct FirstHourMessagesTests {
    /// The one diagnostic `validate` reports for a file holding `text`.
    static func only(_ text: String) throws -> (message: String, hint: String?) {
        let directory = try TemporaryDirectory()
        let file = try directory.write("doc.yaml", text)
        let outcome = ValidateCommand.run(paths: [file])
        #expect(outcome.status == .invalid)
        try #require(outcome.diagnostics.count == 1, "\(outcome.diagnostics.map(\.message))")
        return (outcome.diagnostics[0].message, outcome.diagnostics[0].hint)
    }

    static let workflow = """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: w}
        steps:
          - id: s
            task: progress-note-drafting
            ai: ai-assisted
            performer: t-ana
            consent: CONSENT
        """

    @Test("`consent: yes` says to write `consent: true`, and `no` to write `false`")
    func yesAndNo() throws {
        let yes = try Self.only(Self.workflow.replacingOccurrences(of: "CONSENT", with: "yes"))
        #expect(yes.message == "expected true or false, found a string")
        #expect(yes.hint == "write `consent: true`: YAML 1.2 reads only true and false as booleans")
        let off = try Self.only(Self.workflow.replacingOccurrences(of: "CONSENT", with: "Off"))
        #expect(off.hint == "write `consent: false`: YAML 1.2 reads only true and false as booleans")
    }

    @Test("a document without apiVersion is told the line to add")
    func missingAPIVersion() throws {
        let missing = try Self.only("kind: Workflow\nmetadata: {name: w}\nsteps: []\n")
        #expect(missing.message == "the document is missing required key 'apiVersion'")
        #expect(missing.hint == "add `apiVersion: tacet/v1` as the first line of the file")
    }

    @Test("every way a layer loosens its base says what to write instead")
    func looseningHints() throws {
        let directory = try TemporaryDirectory()
        let base = try directory.write("base.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: base}
            citations:
              - {id: src, title: Source, source: test}
            tools:
              - {id: chatbot, baa: false, data: [none]}
            tasks:
              - id: notes
                title: Notes
                area: documentation
                clinical: true
                maxAI: ai-assisted
                requires:
                  review: {role: supervisor, area: documentation, minLevel: proficient}
                  consent: true
                  disclosure: true
                  training: [ai-basics]
                  data: [none]
                cite: [src]
              - id: plans
                title: Plans
                area: documentation
                maxAI: ai-drafted
                requires:
                  review: {role: therapist, minLevel: developing}
                cite: [src]
            """)
        let layer = try directory.write("team.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: team}
            extends: [base]
            tools:
              - {id: chatbot, baa: true, data: [none, phi]}
              - {id: newbot, baa: false, data: [none]}
            tasks:
              - id: notes
                title: Notes
                area: rapport
                clinical: false
                maxAI: ai-drafted
                requires:
                  review: {role: therapist, area: rapport, minLevel: developing}
                  consent: false
                  disclosure: false
                  training: []
                  data: [none, deidentified]
                cite: [src]
              - id: plans
                requires:
                  review: null
            """)
        // What a layer leaves out it inherits, so each loosening is written out; each item it loosens is one finding.
        let loosenings = LintCommand.run(paths: [base, layer]).diagnostics.filter { $0.code == "policy.loosens" }
        let hints = Dictionary(loosenings.map { ($0.message, $0.hint ?? "(none)") }) { first, _ in first }
        #expect(loosenings.count == 4, "\(hints.keys.sorted())")
        #expect(loosenings.allSatisfy { $0.hint != nil }, "without a hint: \(hints.filter { $0.value == "(none)" }.keys.sorted())")
        let notes = try #require(loosenings.first { $0.message.hasPrefix("loosens task 'notes' in 10 ways: ") })
        for reason in ["lowers its review level from proficient to developing", "drops its consent requirement", "drops its training requirement 'ai-basics'"] {
            #expect(notes.message.contains(reason))
            #expect(notes.notes.contains { $0.message == reason && $0.location?.file == layer })
        }
        for hint in ["set minLevel: proficient or higher", "keep requires.consent: true", "keep requires.disclosure: true"] {
            #expect(notes.hint?.contains(hint) == true, "\(notes.hint ?? "")")
        }
        #expect(hints["drops the review requirement of 'plans'"] == "leave review out to inherit the base's (a layer may raise its minLevel)")
        #expect(hints["loosens tool 'chatbot' in 2 ways: widens it to data phi; claims a business associate agreement the base policy does not"]
                == "list only data classes the base allows: data: [none]; set baa: false here (a signed agreement is recorded in the base policy)")
    }

    @Test("an unknown reviewer is one finding (not in the roster), not also one about their credential")
    func unknownReviewer() async throws {
        let directory = try TemporaryDirectory()
        let workflow = try directory.write("wf.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: w, team: pediatrics}
            policy: pediatrics
            ageBand: minors
            steps:
              - id: s
                task: progress-note-drafting
                ai: ai-drafted
                tool: scribe-pro
                data: [phi]
                performer: t-ana
                reviewer: t-zzz
                consent: true
                consentBy: [guardian]
                assent: true
                disclosure: true
            """)
        let paths = ["Policies", "Curricula", "Examples/pediatrics/therapists"].map(Repository.path) + [workflow]
        let report = await CheckPipeline(today: CalendarDate(year: 2026, month: 11, day: 21)!).run(paths: paths).input.report
        #expect(report.findings.map(\.code) == ["requirement.known-person"])
        #expect(report.findings.first?.message == "reviewer 't-zzz' is not in the roster")
    }

    @Test("a step naming someone whose profile did not load points at that profile, not at adding one")
    func unloadedProfile() async throws {
        let directory = try TemporaryDirectory()
        let profile = try String(contentsOfFile: Repository.path("Examples/pediatrics/therapists/t-ana.yaml"), encoding: .utf8)
        let broken = try directory.write("team/t-ana.yaml", profile.replacingOccurrences(of: "cycleEnd: 2029-06-30",
                                                                                              with: "cycleEnd: 2029-13-30"))
        let workflow = try directory.write("team/wf.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: w, team: pediatrics}
            policy: pediatrics
            steps:
              - {id: s, task: session-planning, ai: ai-assisted, tool: research-assistant, data: [none], performer: t-ana, consent: true}
            """)
        let paths = ["Policies", "Curricula"].map(Repository.path) + [broken, workflow]
        let report = await CheckPipeline(today: CalendarDate(year: 2026, month: 11, day: 21)!).run(paths: paths).input.report
        let finding = try #require(report.findings.first { $0.code == "requirement.known-person" })
        #expect(finding.message == "performer 't-ana' is not in the roster")
        #expect(finding.hint == "t-ana's profile (\(broken)) could not be loaded: fix the error reported there")
    }

    @Test("a profile's misspelt competency area is an input error at its line, with the area it meant")
    func misspeltProfileArea() async throws {
        let directory = try TemporaryDirectory()
        let profile = try String(contentsOfFile: Repository.path("Examples/pediatrics/therapists/t-ana.yaml"), encoding: .utf8)
        let misspelt = try directory.write("team/t-ana.yaml", profile
            .replacingOccurrences(of: "  documentation: developing", with: "  documentaton: developing")
            .replacingOccurrences(of: "  learning-and-refinement: proficient", with: "  learning-and-refinment: proficient"))
        let paths = ["Policies", "Curricula"].map(Repository.path) + [misspelt]
        let report = await CheckPipeline(today: CalendarDate(year: 2026, month: 11, day: 21)!).run(paths: paths).input.report
        let problems = report.problems.filter { $0.code == "document.undefined-reference" }
        #expect(problems.map(\.message) == ["Ana Ruiz's levels name area 'documentaton', which the framework does not define",
                                            "Ana Ruiz's targets name area 'learning-and-refinment', which the framework does not define"])
        #expect(problems.map(\.hint) == ["did you mean 'documentation'?", "did you mean 'learning-and-refinement'?"])
        #expect(problems.first?.location?.line == 9)
        // The shipped team's profiles name only the framework's areas.
        let shipped = await CheckPipeline(today: CalendarDate(year: 2026, month: 11, day: 21)!)
            .run(paths: ["Policies", "Curricula", "Examples"].map(Repository.path)).input.report
        #expect(!shipped.problems.contains { $0.code == "document.undefined-reference" })
    }

    @Test("a workflow left unchecked by its broken policy is told so at its `policy:` line")
    func unusablePolicy() async throws {
        let directory = try TemporaryDirectory()
        let layer = try directory.write("layer.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: adult-mh}
            extends: [music-therapy-ai-use]
            tasks:
              - {id: progress-note-drafting, maxAI: ai-delegated}
            """)
        let workflow = try directory.write("wf.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: w}
            policy: adult-mh
            steps:
              - {id: s, task: session-planning, ai: ai-assisted, tool: research-assistant, data: [none], performer: t-ana, consent: true}
            """)
        let paths = ["Policies/music-therapy-ai-use.yaml", "Curricula", "Examples/pediatrics/therapists"].map(Repository.path) + [layer, workflow]
        let report = await CheckPipeline(today: CalendarDate(year: 2026, month: 11, day: 21)!).run(paths: paths).input.report
        let problem = try #require(report.problems.first { $0.location?.file == workflow })
        #expect(problem.message == "not checked: policy 'adult-mh' has errors (reported above)")
        #expect(problem.location?.line == 4 && problem.location?.column == 9)
    }

    @Test("a layer's new task, clinical unless it says otherwise, cannot be ai-delegated")
    func newDelegatedTask() throws {
        let directory = try TemporaryDirectory()
        let layer = try directory.write("layer.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: adult-mh}
            extends: [music-therapy-ai-use]
            citations:
              - {id: team-choice, title: The team's own choice, source: Adult mental-health team, assumption: true}
            tasks:
              - {id: group-debrief, title: Debriefing group sessions, area: documentation, maxAI: ai-delegated, cite: [team-choice]}
            """)
        let outcome = LintCommand.run(paths: [Repository.path("Policies/music-therapy-ai-use.yaml"), Repository.path("Curricula"), layer])
        let refused = try #require(outcome.diagnostics.first { $0.message == "a clinical task cannot be ai-delegated" }, "\(outcome.diagnostics.map(\.message))")
        #expect(refused.location?.file == layer && refused.location?.line == 8)
        #expect(outcome.status == .invalid)
    }

    @Test("a date that does not exist says why: month 13, February 30, year 0")
    func impossibleDates() throws {
        func therapist(_ start: String) -> String {
            """
            apiVersion: tacet/v1
            kind: Therapist
            metadata: {name: t-x}
            name: X
            role: music-therapist
            credential: {name: MT-BC, cycleStart: \(start), cycleEnd: 2030-12-31}
            levels: {documentation: developing}
            """
        }
        #expect(try Self.only(therapist("2027-13-01")).message == "'2027-13-01' is not a date: month 13 does not exist")
        #expect(try Self.only(therapist("2027-02-30")).message == "'2027-02-30' is not a date: February 2027 has 28 days")
        #expect(try Self.only(therapist("2028-02-30")).message == "'2028-02-30' is not a date: February 2028 has 29 days")
        #expect(try Self.only(therapist("0000-01-01")).message == "'0000-01-01' is not a date: year 0 does not exist")
        #expect(try Self.only(therapist("2027-1-1")).message == "'2027-1-1' is not a date")
    }
}
