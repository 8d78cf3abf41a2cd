import Foundation
import Testing
import TacetDocuments
import TacetTestSupport
import TacetTool

/// A team layer on the shipped policy that states only what it changes (issue 20, item 3), from the
/// files a clinical director writes: the rest of each task is inherited and shown so by `explain`.
@Suite("Layers that state only what they change")
struct LayerInheritanceTests {
    static let layer = """
        apiVersion: tacet/v1
        kind: Policy
        metadata:
          name: adult-mental-health
          title: Adult mental-health team AI-use policy
        extends: [music-therapy-ai-use]
        tasks:
          # Notes stay AI-assisted here, reviewed by a proficient documenter.
          - id: progress-note-drafting
            maxAI: ai-assisted
            requires:
              review: {minLevel: proficient}

        """

    /// The line of the shipped policy where task `id` begins, so that the expected notes follow the file.
    static func line(of id: String) throws -> Int {
        let text = try String(contentsOfFile: Repository.path("Policies/music-therapy-ai-use.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0 == "  - id: \(id)" }) + 1
    }

    @Test("a layer that tightens two fields states only those, lints clean, and explain --task shows what it inherits")
    func tightenTwoFields() throws {
        let directory = try TemporaryDirectory()
        let layer = try directory.write("adult-mental-health.yaml", Self.layer)
        let base = Repository.path("Policies/music-therapy-ai-use.yaml")
        let taskLine = try Self.line(of: "progress-note-drafting")
        let lint = LintCommand.run(paths: [base, Repository.path("Curricula"), layer])
        #expect(lint.diagnostics.filter { $0.severity == .error }.isEmpty, "\(lint.diagnostics.map(\.message))")
        let explained = ExplainCommand.run(workflow: nil, subject: .task("progress-note-drafting"), paths: [base, layer],
                                           today: CalendarDate(year: 2026, month: 11, day: 21)!)
        #expect(explained.status == .ok, "\(explained.diagnostics.map(\.message))")
        #expect(explained.output.hasPrefix("""
            Task 'progress-note-drafting': Drafting progress notes and session summaries
            Policy 'adult-mental-health', layers: music-therapy-ai-use -> adult-mental-health

            As stated by music-therapy-ai-use (\(base):\(taskLine):5):
              area documentation; at most ai-drafted; clinical
              review by therapist at developing or above in documentation
              client consent recorded
              disclosure in the record
              training the performer holds current: ai-literacy-foundations

            """))
        #expect(explained.output.contains("""
            As stated by adult-mental-health (\(layer):9:5):
              at most ai-assisted
              review by therapist at proficient or above in documentation
              inherited from music-therapy-ai-use: title, area, review role, review area, consent, disclosure, training, rationale, clientTitle, clientDescription, classifies, cite

            Rules:

            """))
    }

    @Test("a layer change that loosens three things is one error with three reasons, each where it is written")
    func threeLooseningsOneFinding() throws {
        let directory = try TemporaryDirectory()
        let layer = try directory.write("loose.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: loose}
            extends: [music-therapy-ai-use]
            tasks:
              - id: progress-note-drafting
                maxAI: ai-delegated
                requires:
                  review: {minLevel: emerging}
                  consent: false

            """)
        let base = Repository.path("Policies/music-therapy-ai-use.yaml")
        let taskLine = try Self.line(of: "progress-note-drafting")
        let lint = LintCommand.run(paths: [base, layer])
        #expect(lint.status == .invalid)
        let errors = lint.diagnostics.filter { $0.severity == .error }
        try #require(errors.count == 1, "\(errors.map(\.message))")
        let error = errors[0]
        #expect(error.code == "policy.loosens")
        #expect(error.message == "loosens task 'progress-note-drafting' in 3 ways: raises its AI level from ai-drafted to ai-delegated; "
                + "lowers its review level from developing to emerging; drops its consent requirement")
        #expect(error.location?.description == "\(layer):6:5")
        #expect(error.hint == "set maxAI: ai-drafted or lower (a layer may lower a task's AI level, never raise it); "
                + "set minLevel: developing or higher; keep requires.consent: true")
        #expect(error.notes.map(\.message) == ["raises its AI level from ai-drafted to ai-delegated", "lowers its review level from developing to emerging",
                                               "drops its consent requirement", "the base states it here"])
        #expect(error.notes.map { $0.location?.description ?? "" } == ["\(layer):7:12", "\(layer):9:26", "\(layer):10:16", "\(base):\(taskLine):5"])
    }

    @Test("the team layer in docs/policy-guide.md lints clean over the shipped policy and does what the guide says")
    func guideSample() throws {
        let guide = try String(contentsOfFile: Repository.path("docs/policy-guide.md"), encoding: .utf8)
        let section = try #require(guide.range(of: "## A team layer")).upperBound
        let start = try #require(guide.range(of: "```yaml\n", range: section..<guide.endIndex)).upperBound
        let end = try #require(guide.range(of: "```", range: start..<guide.endIndex)).lowerBound
        let directory = try TemporaryDirectory()
        let layer = try directory.write("adult-mental-health.yaml", String(guide[start..<end]))
        let base = Repository.path("Policies/music-therapy-ai-use.yaml")
        let lint = LintCommand.run(paths: [base, Repository.path("Curricula"), layer])
        #expect(lint.diagnostics.filter { $0.severity == .error }.isEmpty, "\(lint.diagnostics.map(\.message))")
        let explained = ExplainCommand.run(workflow: nil, subject: .task("progress-note-drafting"), paths: [base, layer],
                                           policy: "adult-mental-health", today: CalendarDate(year: 2026, month: 11, day: 21)!)
        #expect(explained.output.contains("  at most ai-assisted\n  review by therapist at proficient or above in documentation\n"))
        #expect(explained.output.contains("  inherited from music-therapy-ai-use: title, area, review role, review area, consent, disclosure, training, "))
    }
}
