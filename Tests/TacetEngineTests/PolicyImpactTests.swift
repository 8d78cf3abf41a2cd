import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine

/// The comparisons behind `tacet diff`: a policy's changes with their effect, and findings matched
/// across the two sides.
@Suite("Policy impact")
struct PolicyImpactTests {
    static func resolved(_ policy: String) throws -> [String: ResolvedPolicy] {
        PolicyResolver.resolve(try Fixture.workspace([("policy.yaml", policy)]).documents).policies
    }

    static func edited(_ edits: [(String, String)]) -> String {
        edits.reduce(Fixture.policy) { text, edit in
            #expect(text.contains(edit.0), "the edit no longer applies: \(edit.0)")
            return text.replacingOccurrences(of: edit.0, with: edit.1)
        }
    }

    @Test("each task, tool and rule change is stated with its effect on the policy's scales")
    func changes() throws {
        let head = Self.edited([
            ("      disclosure: true\n      data: [none, deidentified, phi]\n",
             "      disclosure: false\n      data: [none, deidentified]\n      training: [ai-literacy]\n"),
            ("    maxAI: ai-assisted\n", "    maxAI: ai-drafted\n"),
            ("review: {role: supervisor, minLevel: proficient}", "review: {role: supervisor, minLevel: developing}"),
            ("  - {id: chatbot, baa: false, data: [none, deidentified]}", "  - {id: chatbot, baa: false, data: [none, deidentified, phi]}"),
            ("  - {id: scribe, baa: true, data: [none, deidentified, phi]}", "  - {id: scribe, baa: false, data: [none, deidentified, phi]}"),
            ("  - id: affect\n", "  - id: affect-reading\n"),
        ]) + """
            rules:
              - id: no-chatbot
                severity: warning
                when: {fact: step.tool, operator: equals, value: chatbot}
                message: No chatbot.

            """
        let deltas = PolicyDelta.compare(base: try Self.resolved(Fixture.policy), head: try Self.resolved(head))
        #expect(deltas.map(\.policy) == ["base"])
        #expect(deltas.first?.changes.map(\.sentence) == [
            "task 'notes': disclosure required -> not required (loosened)",
            "task 'notes': data [deidentified, none, phi] -> [deidentified, none] (tightened)",
            "task 'notes': training [] -> [ai-literacy] (tightened)",
            "task 'research': maxAI ai-assisted -> ai-drafted (loosened)",
            "task 'plans': review supervisor at proficient in documentation -> supervisor at developing in documentation (loosened)",
            "task 'affect-reading' added: maxAI human-only",
            "task 'affect' removed (was: maxAI human-only)",
            "tool 'chatbot': data [deidentified, none] -> [deidentified, none, phi] (loosened)",
            "tool 'scribe': baa true -> false (tightened)",
            "rule 'no-chatbot' added: warning: No chatbot.",
        ])
        #expect(PolicyDelta.compare(base: try Self.resolved(Fixture.policy), head: try Self.resolved(Fixture.policy)).isEmpty)
    }

    static func notice(_ body: String) -> String {
        Fixture.policy + "notice:\n" + body.split(separator: "\n").map { "  " + $0 + "\n" }.joined()
    }

    @Test("the client notice's fields are policy changes: a signature dropped loosens, one asked for tightens, words change")
    func noticeChanges() throws {
        let base = Self.notice("contact: the front desk\nrights: You may say no.\nrefuse: You still get care.\nwithdraw: Tell your therapist.\n"
                               + "guardian: true\nassent: true\ncite: [src]")
        let head = Self.notice("contact: your therapist\nrights: You may refuse.\nguardian: false")
        let deltas = PolicyDelta.compare(base: try Self.resolved(base), head: try Self.resolved(head))
        #expect(deltas.first?.changes.map(\.sentence) == [
            "notice: contact the front desk -> your therapist (changed)",
            "notice: rights You may say no. -> You may refuse. (changed)",
            "notice: refuse You still get care. -> none (changed)",
            "notice: withdraw Tell your therapist. -> none (changed)",
            "notice: guardian required -> not required (loosened)",
            "notice: assent required -> not required (loosened)",
            "notice: cite [src] -> [] (changed)",
        ])
        // Every field of the notice but its place is compared: a field added to NoticeSettings needs its line in
        // PolicyDelta.compareNotice and its edit above.
        let fields = Set(Mirror(reflecting: NoticeSettings()).children.compactMap(\.label)).subtracting(["pointer"])
        #expect(Set(deltas.first?.changes.compactMap(\.aspect) ?? []) == fields)

        // Adding the block to a policy without one is a change, not "No policy changed".
        let added = PolicyDelta.compare(base: try Self.resolved(Fixture.policy), head: try Self.resolved(Self.notice("guardian: true")))
        #expect(added.first?.changes.map(\.sentence) == ["notice: guardian not required -> required (tightened)"])
        #expect(added.first?.changes.first?.layer == "base")
        #expect(PolicyDelta.compare(base: try Self.resolved(base), head: try Self.resolved(base)).isEmpty)
    }

    static func people(_ supervision: String?, _ credentials: String?) -> String {
        Fixture.policy + (supervision.map { "supervision: \($0)\n" } ?? "") + (credentials.map { "credentials: \($0)\n" } ?? "")
    }

    @Test("supervision and credentials are policy changes: a supervised role dropped, a supervisor or credential added loosens")
    func peopleChanges() throws {
        let base = Self.people("{roles: [intern, student], supervisors: [supervisor], cite: [src]}", "{recognised: [MT-BC]}")
        let looser = Self.people("{roles: [student], supervisors: [supervisor, lead], cite: [src]}", "{recognised: [MT-BC, NMT]}")
        let deltas = PolicyDelta.compare(base: try Self.resolved(base), head: try Self.resolved(looser))
        #expect(deltas.first?.changes.map(\.sentence) == [
            "supervision: roles [intern, student] -> [student] (loosened)",
            "supervision: supervisors [supervisor] -> [lead, supervisor] (loosened)",
            "credentials: recognised [MT-BC] -> [MT-BC, NMT] (loosened)",
        ])
        #expect(deltas.first?.changes.allSatisfy { $0.layer == "base" } == true)
        // The reverse tightens.
        let reverse = PolicyDelta.compare(base: try Self.resolved(looser), head: try Self.resolved(base))
        #expect(reverse.first?.changes.map(\.effect) == [.tightened, .tightened, .tightened])
        // A role swapped for another, or a citation, only changes.
        let swapped = Self.people("{roles: [intern, apprentice], supervisors: [supervisor]}", "{recognised: [MT-BC], cite: [src]}")
        #expect(PolicyDelta.compare(base: try Self.resolved(base), head: try Self.resolved(swapped)).first?.changes.map(\.sentence) == [
            "supervision: roles [intern, student] -> [apprentice, intern] (changed)",
            "supervision: cite [src] -> [] (changed)",
            "credentials: cite [] -> [src] (changed)",
        ])
        // No block is no supervision: adding one that supervises tightens, one naming supervisors loosens too;
        // a credentials block makes the credential rules apply, so adding it tightens.
        let added = PolicyDelta.compare(base: try Self.resolved(Fixture.policy), head: try Self.resolved(base))
        #expect(added.first?.changes.map(\.sentence) == [
            "supervision: roles [] -> [intern, student] (tightened)",
            "supervision: supervisors [] -> [supervisor] (loosened)",
            "supervision: cite [] -> [src] (changed)",
            "credentials: recognised not stated -> [MT-BC] (tightened)",
        ])
        #expect(PolicyDelta.compare(base: try Self.resolved(base), head: try Self.resolved(base)).isEmpty)
    }

    @Test("a task's client title and description and a tool's client name changed are changes, neither looser nor tighter")
    func clientWordingChanges() throws {
        let base = Self.edited([("    title: Notes\n", "    title: Notes\n    clientTitle: Your notes\n"),
                                ("  - {id: scribe, baa: true, data: [none, deidentified, phi]}",
                                 "  - {id: scribe, baa: true, data: [none, deidentified, phi], clientName: a note-taking tool}")])
        let head = Self.edited([("    title: Notes\n", "    title: Notes\n    clientTitle: Notes about your sessions\n    clientDescription: We write them.\n"),
                                ("  - {id: scribe, baa: true, data: [none, deidentified, phi]}",
                                 "  - {id: scribe, baa: true, data: [none, deidentified, phi], clientName: a transcription tool}")])
        let deltas = PolicyDelta.compare(base: try Self.resolved(base), head: try Self.resolved(head))
        #expect(deltas.first?.changes.map(\.sentence) == [
            "task 'notes': clientTitle Your notes -> Notes about your sessions (changed)",
            "task 'notes': clientDescription none -> We write them. (changed)",
            "tool 'scribe': clientName a note-taking tool -> a transcription tool (changed)",
        ])
    }

    static func finding(_ message: String, _ file: String, _ line: Int) -> Diagnostic {
        .error(Requirement.reviewLevel, message, at: SourceLocation(file: file, line: line, column: 3))
    }

    static func report(_ findings: [Diagnostic], suppressed: [SuppressedFinding] = []) -> CheckReport {
        CheckReport(findings: findings, suppressed: suppressed, problems: [], workflowsChecked: 1, plansChecked: 0, documents: 1)
    }

    @Test("a finding that moved to other lines of its file is neither added nor removed; one at the same place is matched first")
    func movedFindings() {
        let base = Self.report([Self.finding("same", "base/policy.yaml", 10), Self.finding("same", "base/policy.yaml", 20),
                                Self.finding("gone", "wf.yaml", 5)])
        let head = Self.report([Self.finding("same", "head/policy.yaml", 20), Self.finding("same", "head/policy.yaml", 24),
                                Self.finding("new", "wf.yaml", 7)])
        let delta = FindingDelta.compare(base: base, head: head) { file in
            file.hasPrefix("base/") || file.hasPrefix("head/") ? String(file.dropFirst(5)) : file
        }
        #expect(delta.added.map(\.message) == ["new"])
        #expect(delta.removed.map(\.message) == ["gone"])
        // Without naming the two policy files as one, each side's are its own.
        #expect(FindingDelta.compare(base: base, head: head).added.count == 3)
    }

    @Test("an exception that suppressed a finding before and suppresses none after is left unused")
    func unusedException() {
        let expires = CalendarDate("2027-01-31") ?? .epoch
        let covered = SuppressedFinding(finding: Self.finding("covered", "wf.yaml", 3), exception: "cover", owner: "director", expires: expires)
        let delta = FindingDelta.compare(base: Self.report([], suppressed: [covered]), head: Self.report([]))
        #expect(delta.unusedExceptions == ["cover"])
        #expect(FindingDelta.compare(base: Self.report([], suppressed: [covered]), head: Self.report([], suppressed: [covered]))
            .unusedExceptions.isEmpty)
    }
}
