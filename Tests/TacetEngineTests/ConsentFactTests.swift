import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine

/// The facts about who consents, session recordings and groups: their values, where their findings
/// point, how conditions on them compile, and what lint and explain make of them.
@Suite("Consent, recording and group facts")
struct ConsentFactTests {
    static let rules = """
        rules:
          - id: guardian
            severity: error
            when:
              all:
                - {fact: workflow.ageBand, operator: in, value: [minors, mixed]}
                - not: {fact: step.consentBy, operator: contains, value: guardian}
            at: step.consentBy
            message: no guardian
          - id: recording-consent
            severity: error
            when:
              all:
                - {fact: step.recording.media, operator: exists}
                - not: {fact: step.recording.consent, operator: equals, value: true}
            at: step.recording.consent
            message: no recording consent
          - id: retention
            severity: warning
            when: {fact: step.recording.retentionDays, operator: atLeast, value: 31}
            at: step.recording.retentionDays
            message: kept too long
          - id: group-note
            severity: error
            when:
              all:
                - {fact: workflow.format, operator: equals, value: group}
                - not: {fact: step.memberData, operator: equals, value: own}
            message: other members' data

        """

    static func check(_ step: String, workflow extra: String = "", rules: String = rules) throws -> CheckReport {
        var files = [("policy.yaml", Fixture.policy + rules), ("wf.yaml", Fixture.workflow(Fixture.goodStep + "\n" + step, extra: extra))]
        files += Fixture.roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        return CheckEngine.check(try Fixture.workspace(files), today: CalendarDate("2026-11-21") ?? .epoch)
    }

    static func findings(_ report: CheckReport) -> [String] { report.findings.map { "\($0.code) \($0.pointer ?? "")" } }

    @Test("who consents: a guardian's consent is read from the step, the ages from the workflow")
    func whoConsents() throws {
        #expect(Self.findings(try Self.check("consentBy: [client]", workflow: "ageBand: minors\n")) == ["guardian /steps/0/consentBy"])
        #expect(Self.findings(try Self.check("", workflow: "ageBand: mixed\n")) == ["guardian /steps/0"])
        #expect(try Self.check("consentBy: [client, guardian]", workflow: "ageBand: minors\n").findings.isEmpty)
        // A workflow that does not state its clients' ages is judged as before.
        #expect(try Self.check("consentBy: [client]").findings.isEmpty)
        #expect(try Self.check("consentBy: [client]", workflow: "ageBand: adults\n").findings.isEmpty)
    }

    @Test("a recording's finding points at its field, else at the recording, else at the step")
    func recordingPlaces() throws {
        #expect(Self.findings(try Self.check("recording: {media: [audio], consent: false}")) == ["recording-consent /steps/0/recording/consent"])
        #expect(Self.findings(try Self.check("recording: {media: [audio]}")) == ["recording-consent /steps/0/recording"])
        #expect(Self.findings(try Self.check("recording: {media: [video], consent: true, retentionDays: 31}"))
                == ["retention /steps/0/recording/retentionDays"])
        #expect(try Self.check("recording: {media: [video], consent: true, retentionDays: 30}").findings.isEmpty)
        #expect(try Self.check("").findings.isEmpty)
    }

    @Test("the session format is individual unless the workflow says group")
    func groups() throws {
        #expect(Self.findings(try Self.check("memberData: group", workflow: "format: group\n")) == ["group-note /steps/0"])
        #expect(try Self.check("memberData: own", workflow: "format: group\n").findings.isEmpty)
        #expect(try Self.check("memberData: group").findings.isEmpty)
    }

    @Test("the step's facts", arguments: [
        (Fact.stepConsentBy, "consentBy: [guardian, client]", "[client, guardian]"),
        (.stepConsentBy, "", "(absent)"),
        (.stepAssent, "assent: false", "false"),
        (.stepGroupConsent, "groupConsent: true", "true"),
        (.stepMemberData, "memberData: own", "'own'"),
        (.stepRecordingMedia, "recording: {media: [video]}", "[video]"),
        (.stepRecordingConsent, "recording: {media: [video]}", "(absent)"),
        (.stepRecordingRetention, "recording: {media: [audio], retentionDays: 7}", "7"),
        (.stepRecordingAnalysis, "recording: {media: [audio], analysis: [affect, transcript]}", "[transcript, affect]"),
        (.stepRecordingAnalysis, "", "(absent)"),
    ])
    func stepFacts(fact: Fact, step: String, value: String) throws {
        let workspace = try Fixture.workspace([("policy.yaml", Fixture.policy), ("wf.yaml", Fixture.workflow(Fixture.goodStep + "\n" + step))])
        let (policies, problems) = PolicyResolver.resolve(workspace.documents)
        try #require(problems.isEmpty)
        let policy = try #require(policies["base"])
        guard case .workflow(let workflow)? = workspace.documents.first(where: { $0.kind == .workflow })?.document else {
            Issue.record("no workflow")
            return
        }
        let context = StepContext(workflow: workflow, step: 0, policy: policy, roster: Roster([]))
        #expect(context.value(fact).description == value)
        #expect(context.value(.workflowFormat) == .string("individual"))
        #expect(context.value(.workflowAgeBand) == .missing && context.value(.workflowSelfConsent) == .missing)
    }

    @Test("conditions on the new facts take only their words, numbers and operators", arguments: [
        ("{fact: workflow.ageBand, operator: equals, value: minor}", "/rules/0/when/value", "did you mean 'minors'?"),
        ("{fact: workflow.ageBand, operator: in, value: [minors, kids]}", "/rules/0/when/value/1", "expected one of: minors, adults, mixed"),
        ("{fact: step.consentBy, operator: contains, value: parent}", "/rules/0/when/value", "expected one of: client, guardian"),
        ("{fact: step.recording.analysis, operator: contains, value: effect}", "/rules/0/when/value", "did you mean 'affect'?"),
        ("{fact: step.consentBy, operator: equals, value: guardian}", "/rules/0/when/operator", "use one of: contains, exists"),
        ("{fact: step.recording.retentionDays, operator: contains, value: 3}", "/rules/0/when/operator", nil),
        ("{fact: step.recording.retentionDays, operator: atMost, value: thirty}", "/rules/0/when/value", nil),
        ("{fact: step.recording.retentionDay, operator: exists}", "/rules/0/when/fact", "did you mean 'step.recording.retentionDays'?"),
    ] as [(String, String, String?)])
    func refusedConditions(when: String, pointer: String, hint: String?) throws {
        let rules = "rules:\n  - {id: r, severity: error, message: m, when: \(when)}\n"
        let workspace = try Fixture.workspace([("policy.yaml", Fixture.policy + rules)])
        let (_, problems) = PolicyResolver.resolve(workspace.documents)
        let errors = problems.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(problems.map(\.message))")
        #expect(errors.first?.pointer == pointer)
        #expect(errors.first?.location?.line == Fixture.policy.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
        if let hint { #expect(errors.first?.hint == hint) }
    }

    @Test("lint decides rules on numbers and keywords exactly", arguments: [
        ("{all: [{fact: step.recording.retentionDays, operator: atLeast, value: 10}, {fact: step.recording.retentionDays, operator: atMost, value: 9}]}",
         PolicyErrorCode.neverHolds),
        ("{all: [{fact: workflow.format, operator: notEquals, value: group}, {fact: workflow.format, operator: notEquals, value: individual}]}",
         .neverHolds),
        ("{any: [{fact: workflow.format, operator: equals, value: group}, {fact: workflow.format, operator: in, value: [individual]}]}",
         .alwaysHolds),
        ("{all: [{fact: step.recording.media, operator: exists, value: false}, {fact: step.recording.media, operator: contains, value: audio}]}",
         .neverHolds),
    ])
    func lint(when: String, code: PolicyErrorCode) throws {
        let report = try LintTests.lint(LintTests.policy(rules: "  - {id: r, severity: warning, message: m, when: \(when)}\n"))
        #expect(report.findings.map(\.code) == [code.rawValue])
        // Satisfiable, and not always: no finding.
        let fine = "{all: [{fact: step.recording.retentionDays, operator: atLeast, value: 10}, {fact: workflow.ageBand, operator: equals, value: minors}]}"
        #expect(try LintTests.lint(LintTests.policy(rules: "  - {id: r, severity: warning, message: m, when: \(fine)}\n")).findings.isEmpty)
    }

    @Test("explain says what the new facts are, in words")
    func wording() {
        let client = FactValue.keywords(Keywords([ConsentParty.client], of: .stepConsentBy))
        #expect(ConditionReason.clause(.stepConsentBy, .contains, .keyword("guardian"), client) == "those who gave consent do not include guardian")
        #expect(ConditionReason.clause(.stepRecordingRetention, .atMost, .number(30), .number(90)) == "the recording's retention in days is 90, above 30")
        #expect(ConditionReason.clause(.stepRecordingMedia, .exists, .none, .missing) == "the step records no session")
        let affect = FactValue.keywords(Keywords([RecordingAnalysis.transcript, .affect], of: .stepRecordingAnalysis))
        #expect(ConditionReason.clause(.stepRecordingAnalysis, .contains, .keyword("affect"), affect) == "the recording's analyses include affect")
        #expect(ConditionReason.clause(.stepRecordingAnalysis, .contains, .keyword("affect"), .missing) == "the step states no analysis of a recording")
        #expect(ConditionReason.clause(.stepAssent, .equals, .bool(true), .bool(false)) == "the step does not record the client's assent")
        #expect(ConditionReason.clause(.workflowAgeBand, .in, .strings(["minors", "mixed"]), .string("minors"))
                == "the workflow's age band is 'minors', one of [minors, mixed]")
    }
}
