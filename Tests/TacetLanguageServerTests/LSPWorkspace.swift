import TacetTestSupport

/// A small team on disk for the server tests: one policy, three therapists, one workflow.
final class LSPWorkspace {
    let directory: TemporaryDirectory
    var path: String { directory.path }

    static let policy = """
        apiVersion: tacet/v1
        kind: Policy
        metadata: {name: base}
        citations:
          - {id: src, title: Source, source: test}
        tools:
          - {id: scribe, baa: true, data: [none, deidentified, phi]}
        tasks:
          - id: notes
            title: Notes
            area: documentation
            maxAI: ai-drafted
            requires:
              review: {role: therapist, area: documentation, minLevel: developing}
              consent: true
              disclosure: true
              data: [none, deidentified, phi]
            cite: [src]

        """

    static func therapist(_ id: String, documentation: String = "developing") -> String {
        """
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {name: \(id)}
        name: \(id.uppercased())
        role: music-therapist
        credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
        levels: {documentation: \(documentation)}

        """
    }

    /// A workflow of one step of task `notes`, written in flow style on one line after an emoji and an
    /// accented letter, with `ai` as given.
    static func workflow(ai: String) -> String {
        """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: wf}
        steps:
          - {id: s1, description: "🎵 Séance", ai: \(ai), task: notes, tool: scribe, data: [phi], performer: ana, reviewer: ben, consent: true, disclosure: true}

        """
    }

    init() throws {
        directory = try TemporaryDirectory()
        _ = try directory.write("policy.yaml", Self.policy)
        _ = try directory.write("team/ana.yaml", Self.therapist("ana"))
        _ = try directory.write("team/ben.yaml", Self.therapist("ben"))
        _ = try directory.write("wf.yaml", Self.workflow(ai: "ai-drafted"))
        // Not a Tacet document: without a project file it is not part of the workspace.
        _ = try directory.write(".github/ci.yaml", "on: push\n")
        _ = try directory.write("compose.yaml", "services: {}\n")
    }

    func file(_ relative: String) -> String { path + "/" + relative }
}
