import Testing
import TacetDiagnostics
import TacetDocuments

/// The workflow fields about who consents, session recordings and groups: optional, strictly typed,
/// with their documented defaults when left out.
@Suite("Workflow consent, recording and group fields")
struct WorkflowConsentDecodingTests {
    static func workflow(top: String = "", step: String = "") -> String {
        """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: wf}
        \(top)steps:
          - id: s1
            task: notes
            ai: ai-drafted
            performer: ana
        \(step.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))

        """
    }

    static func decoded(top: String = "", step: String = "") throws -> (Workflow?, [Diagnostic]) {
        let (document, diagnostics) = try decode(workflow(top: top, step: step))
        guard case .workflow(let workflow)? = document?.document else { return (nil, diagnostics) }
        return (workflow, diagnostics)
    }

    @Test("every field decodes to its value")
    func decodesEverything() throws {
        let (workflow, diagnostics) = try Self.decoded(top: "ageBand: mixed\nselfConsent: false\nformat: group\n", step: """
            consentBy: [client, guardian]
            assent: true
            groupConsent: true
            memberData: own
            recording: {media: [audio, video], consent: true, retentionDays: 14, analysis: [transcript, summary]}
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let decoded = try #require(workflow)
        #expect(decoded.ageBand == .mixed && decoded.selfConsent == false && decoded.format == .group)
        let step = try #require(decoded.steps.first)
        #expect(step.consentBy == [.client, .guardian] && step.assent == true && step.groupConsent == true && step.memberData == .own)
        #expect(step.recording == SessionRecording(media: [.audio, .video], consent: true, retentionDays: 14, analysis: [.transcript, .summary]))
        #expect(decoded.servesClientsWhoCannotConsentAlone)
        #expect(decoded.clientSummary == "minors and adults; clients who may not consent for themselves; group sessions")
    }

    @Test("a workflow that states none of them keeps validating, with the documented defaults")
    func defaults() throws {
        let (workflow, diagnostics) = try Self.decoded()
        #expect(diagnostics.isEmpty)
        let decoded = try #require(workflow)
        #expect(decoded.ageBand == nil && decoded.selfConsent == nil && decoded.format == .individual)
        let step = try #require(decoded.steps.first)
        #expect(step.consentBy == nil && step.assent == nil && step.recording == nil && step.groupConsent == nil && step.memberData == nil)
        #expect(!decoded.servesClientsWhoCannotConsentAlone && decoded.clientSummary == nil)
        // A recording may leave out everything but what it captures.
        let (minimal, none) = try Self.decoded(step: "recording: {media: [video]}")
        #expect(none.isEmpty)
        #expect(minimal?.steps.first?.recording == SessionRecording(media: [.video]))
    }

    @Test("wrong words, types and shapes are errors at their place, with the closest word suggested",
          arguments: [
              ("ageBand: minor\n", "", DocumentErrorCode.invalidValue, "/ageBand", "did you mean 'minors'?"),
              ("format: groups\n", "", .invalidValue, "/format", "did you mean 'group'?"),
              ("selfConsent: sometimes\n", "", .wrongType, "/selfConsent", nil),
              ("", "consentBy: [parent]", .invalidValue, "/steps/0/consentBy/0", "expected one of: client, guardian"),
              ("", "consentBy: [client, client]", .duplicateValue, "/steps/0/consentBy/1", nil),
              ("", "memberData: mine", .invalidValue, "/steps/0/memberData", nil),
              ("", "recording: {consent: true}", .missingKey, "/steps/0/recording", nil),
              ("", "recording: {media: []}", .invalidValue, "/steps/0/recording/media", nil),
              ("", "recording: {media: [audio], retentionDays: -1}", .invalidValue, "/steps/0/recording/retentionDays", nil),
              ("", "recording: {media: [audio], retentionDays: 1.5}", .wrongType, "/steps/0/recording/retentionDays", nil),
              ("", "recording: {media: [audio], analysis: [mood]}", .invalidValue, "/steps/0/recording/analysis/0", nil),
              ("", "recording: {media: [audio], kept: 3}", .unknownKey, "/steps/0/recording/kept", nil),
              ("", "recording: true", .wrongType, "/steps/0/recording", nil),
          ] as [(String, String, DocumentErrorCode, String, String?)])
    func refused(top: String, step: String, code: DocumentErrorCode, pointer: String, hint: String?) throws {
        let (_, diagnostics) = try Self.decoded(top: top, step: step)
        let found = diagnostics.with(code)
        #expect(found.count == 1, "\(diagnostics.map { "\($0.code) \($0.pointer ?? "") \($0.message)" })")
        #expect(found.first?.pointer == pointer)
        #expect(found.first?.location?.line != nil)
        if let hint { #expect(found.first?.hint == hint) }
    }
}
