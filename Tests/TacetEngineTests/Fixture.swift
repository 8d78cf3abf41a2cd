import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetYAML

/// Small documents for engine tests, each loaded from a string as if from a file.
enum Fixture {
    static let policy = """
        apiVersion: tacet/v1
        kind: Policy
        metadata: {name: base}
        citations:
          - {id: src, title: Source, source: test}
        tools:
          - {id: scribe, baa: true, data: [none, deidentified, phi]}
          - {id: chatbot, baa: false, data: [none, deidentified]}
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
          - id: research
            title: Research
            area: clinical-reasoning
            maxAI: ai-assisted
            requires:
              data: [none, deidentified]
            cite: [src]
          - id: plans
            title: Plans
            area: documentation
            maxAI: ai-drafted
            requires:
              review: {role: supervisor, minLevel: proficient}
            cite: [src]
          - id: affect
            title: Affect
            area: rapport
            maxAI: human-only
            cite: [src]

        """

    static func therapist(_ id: String, role: String = "music-therapist", documentation: String = "developing") -> String {
        """
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {name: \(id)}
        name: \(id.uppercased())
        role: \(role)
        credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
        levels: {documentation: \(documentation), rapport: developing}

        """
    }

    /// A workflow with one step whose body is `step` (indented by four spaces).
    static func workflow(_ step: String, name: String = "wf", extra: String = "") -> String {
        """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: \(name)}
        \(extra)steps:
          - id: s1
        \(step.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))

        """
    }

    /// A compliant step of task `notes`.
    static let goodStep = """
        task: notes
        ai: ai-drafted
        tool: scribe
        data: [phi]
        performer: ana
        reviewer: ben
        consent: true
        disclosure: true
        """

    static let roster = [therapist("ana"), therapist("ben"), therapist("cho", role: "supervisor", documentation: "advanced"),
                         therapist("dee", documentation: "emerging")]

    /// Loads documents from `(file, text)` pairs; a YAML or decoding problem fails the calling test.
    static func workspace(_ files: [(String, String)]) throws -> Workspace {
        var documents: [LoadedDocument] = []
        var diagnostics: [Diagnostic] = []
        for (file, text) in files {
            let root = try YAMLParser().parse(text)
            let decoded = DocumentDecoder.decode(root, file: file)
            diagnostics += decoded.diagnostics
            if let document = decoded.document { documents.append(document) }
        }
        return Workspace(documents: documents, diagnostics: diagnostics, files: files.map(\.0))
    }

    /// Checks `step` (in a workflow) against the base policy and roster, plus `extra` documents.
    static func check(step: String, extra: [(String, String)] = [], today: String = "2026-11-21") throws -> CheckReport {
        var files = [("policy.yaml", policy), ("wf.yaml", workflow(step))]
        files += roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        files += extra
        return CheckEngine.check(try workspace(files), today: CalendarDate(today) ?? .epoch)
    }
}

extension CheckReport {
    /// The rule ids of the findings in force.
    var rules: [String] { findings.map(\.code) }
}
