import Foundation
import Testing
import TacetDocuments
import TacetReports
import TacetTestSupport
import TacetTool

/// The client notice and the HTML report read who a workflow's clients are: guardian and assent lines
/// when its population needs them, a recorded session and a group in words, and the report's Clients line.
@Suite("Notice and report: who consents, recordings and groups", .serialized)
struct NoticeConsentTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 1)!

    /// A compliant workflow under the organisation's policy, whose notice asks for no guardian or assent,
    /// with `top` before its steps and `consent` on its one step.
    static func workflow(_ top: String, consent: String) -> String {
        """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: recorded-notes}
        policy: music-therapy-ai-use
        \(top)steps:
          - id: draft
            task: progress-note-drafting
            ai: ai-drafted
            tool: scribe-pro
            data: [phi]
            performer: t-cho
            reviewer: t-ana
            consent: true
            disclosure: true
            recording: {media: [audio], consent: true, retentionDays: 14, analysis: [transcript, summary]}
        \(consent.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))

        """
    }

    static func notice(_ workflow: String) async throws -> String {
        let directory = try PlainDocumentWordingTests.workspace()
        _ = try directory.write("wf.yaml", workflow)
        let run = await NoticeCommand.check(paths: PlainDocumentWordingTests.paths(directory, "wf.yaml"), today: today)
        guard case .notice(let document, _, _) = NoticeCommand.document(of: run, today: today) else {
            Issue.record("no notice: \(run.input.report.findings.map(\.message))")
            throw CancellationError()
        }
        return document.markdown()
    }

    @Test("a workflow serving minors gets the guardian's and the child's lines, though the policy's notice asks for neither")
    func minors() async throws {
        let text = try await Self.notice(Self.workflow("ageBand: minors\n", consent: "consentBy: [guardian]\nassent: true"))
        #expect(text.contains("A parent or guardian signs for a child.\n\nThe child also shows that they agree, in a way that suits them.\n\n"))
        #expect(text.contains("Parent or guardian's signature: ______"))
        #expect(text.contains("Child's agreement (assent), in their own way: ______"))
        #expect(text.contains("- **Recording:** this part records your session (sound). You say yes or no to the recording on its own, below. "
            + "We delete the recording within 14 days. The AI makes a written transcript and a summary from it.\n"))
        // The recording's own consent is a row of its own in the choices table, as the entry promises.
        #expect(text.contains("| [Writing your session notes](#ai-recorded-notes-draft) | ☐ Yes | ☐ No |\n"
            + "| [Recording your session for: Writing your session notes](#ai-recorded-notes-draft) | ☐ Yes | ☐ No |\n"), "\(text)")
    }

    @Test("what a recording is used for is said even where a policy would forbid it: the notice never hides an analysis")
    func recordingAnalysesInWords() {
        let recording = SessionRecording(media: [.video], consent: true, retentionDays: 0, analysis: [.affect, .assessment])
        #expect(ClientNotice.recordingWords(recording) == "this part records your session (video). You say yes or no to the recording on its own, below. "
            + "We delete the recording the same day. The AI makes a guess at how you feel and scores of how you are doing from it.")
    }

    @Test("adults who may not consent for themselves: a legal representative signs and the client assents")
    func capacity() async throws {
        let text = try await Self.notice(Self.workflow("ageBand: adults\nselfConsent: false\n", consent: "consentBy: [guardian]\nassent: true"))
        #expect(text.contains("Parent, guardian or legal representative's signature: ______"))
        #expect(text.contains("Client's agreement (assent), in their own way: ______"))
        #expect(!text.contains("Child's agreement"))
    }

    @Test("adults who consent for themselves, in a group: no guardian line, and the group's consent in words")
    func adultGroup() async throws {
        let text = try await Self.notice(Self.workflow("ageBand: adults\nformat: group\n",
                                                       consent: "consentBy: [client]\ngroupConsent: true\nmemberData: own"))
        #expect(!text.contains("guardian") && !text.contains("assent"))
        #expect(text.contains("- **In a group:** AI is used here only if every member of the group agrees.\n"))
    }

    @Test("the HTML report says who a workflow's clients are, and lists the consent rules' findings")
    func reportClients() throws {
        let directory = try PlainDocumentWordingTests.workspace()
        _ = try directory.write("wf.yaml", Self.workflow("ageBand: minors\nformat: group\n", consent: "consentBy: [client]"))
        let output = directory.path + "/report.html"
        let result = try TacetBinary.run(["report", "Policies", "Curricula", "Examples/pediatrics/therapists", "wf.yaml", "--today", "2026-12-01",
                                          "--no-plugins", "--output", output], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("<p>Clients: minors; group sessions.</p>"))
        // The breaches of the consent rules are findings with their fix and sources.
        #expect(html.contains("guardian-consents-for-minors") && html.contains("assent-for-minors") && html.contains("group-every-member-consents"))
    }
}
