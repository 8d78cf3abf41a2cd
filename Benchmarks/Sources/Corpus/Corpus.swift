/// The YAML corpus every load benchmark reads.
public enum Corpus {
    /// Workflow documents shaped like a real team repository: 200 files of 50 steps each, about 3.4 MiB
    /// in all. Built in memory so a benchmark reads no files and measures parsing alone.
    public static let workflows: [[UInt8]] = (0..<200).map { index in
        var text = """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: workflow-\(index), team: pediatrics}
            setting: Inpatient pediatrics, "ward 4"
            steps:

            """
        for step in 0..<50 {
            text += """
                  - id: step-\(step)
                    task: progress-note-drafting
                    ai: ai-drafted
                    tool: scribe-pro
                    data: [deidentified, phi]
                    performer: t-ana
                    reviewer: t-ben
                    consent: true
                    disclosure: true
                    description: >-
                      Draft the session summary from the therapist's notes; the reviewer edits
                      and signs it before it enters the record (step \(step)).

                """
        }
        return Array(text.utf8)
    }

}
