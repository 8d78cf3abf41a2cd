import Foundation

/// A team repository on disk for the check benchmarks: one policy with 20 tasks and `rules` rules,
/// a roster of 6 therapists, and `files` workflows of `steps` steps each.
public enum CheckCorpus {
    static let levels = ["emerging", "developing", "proficient", "advanced"]
    static let ai = ["human-only", "ai-assisted", "ai-drafted"]

    /// Writes the corpus under a new temporary folder and returns its path. `compliant` corpora have
    /// one violation per workflow, as a real team's would; the others break rules on most steps.
    public static func write(files: Int, steps: Int, rules: Int, compliant: Bool = false) throws -> String {
        let name = "tacet-bench-\(files)x\(steps)-\(rules)\(compliant ? "-compliant" : "")"
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try? FileManager.default.removeItem(atPath: root)
        for folder in ["policy", "roster", "workflows"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try policy(rules: rules).write(toFile: root + "/policy/policy.yaml", atomically: true, encoding: .utf8)
        for person in 0..<6 {
            try therapist(person).write(toFile: root + "/roster/t\(person).yaml", atomically: true, encoding: .utf8)
        }
        for file in 0..<files {
            try (compliant ? compliantWorkflow(file, steps: steps) : workflow(file, steps: steps)).write(toFile: root + "/workflows/w\(file).yaml", atomically: true, encoding: .utf8)
        }
        return root
    }

    static func policy(rules: Int) -> String {
        var text = """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: bench}
            citations:
              - {id: src, title: Source, source: benchmark}
            tools:
              - {id: scribe, baa: true, data: [none, deidentified, phi]}
              - {id: helper, baa: false, data: [none, deidentified]}
            tasks:

            """
        for task in 0..<20 {
            text += """
                  - id: task-\(task)
                    title: Task \(task)
                    area: area-\(task % 5)
                    maxAI: \(task % 4 == 0 ? "human-only" : task % 4 == 1 ? "ai-assisted" : "ai-drafted")
                    requires:
                      review: {role: therapist, minLevel: \(levels[task % 3])}
                      consent: true
                      disclosure: \(task % 2 == 0)
                    cite: [src]

                """
        }
        text += "rules:\n"
        for rule in 0..<rules {
            let task = rule % 20
            let kind = rule % 5
            let when: String
            switch kind {
            case 0: when = "{all: [{fact: step.task, operator: equals, value: task-\(task)}, {fact: step.ai, operator: atLeast, value: ai-drafted}, {not: {fact: reviewer.level, operator: atLeast, value: proficient}}]}"
            case 1: when = "{all: [{fact: step.task, operator: in, value: [task-\(task), task-\((task + 7) % 20)]}, {fact: step.data, operator: contains, value: phi}, {fact: tool.baa, operator: equals, value: false}]}"
            case 2: when = "{all: [{fact: task.area, operator: equals, value: area-\(rule % 5)}, {fact: performer.level, operator: equals, value: emerging}, {fact: step.ai, operator: atLeast, value: ai-assisted}]}"
            case 3: when = "{any: [{all: [{fact: step.task, operator: equals, value: task-\(task)}, {fact: step.consent, operator: notEquals, value: true}]}, {all: [{fact: step.task, operator: equals, value: task-\(task)}, {fact: step.reviewer, operator: exists, value: false}]}]}"
            default: when = "{all: [{fact: workflow.team, operator: equals, value: team-\(rule % 7)}, {fact: step.tool, operator: equals, value: helper}, {fact: step.ai, operator: equals, value: ai-drafted}]}"
            }
            text += "  - {id: rule-\(rule), severity: \(rule % 3 == 0 ? "error" : "warning"), message: Rule \(rule) fired., when: \(when), cite: [src]}\n"
        }
        return text
    }

    static func therapist(_ person: Int) -> String {
        let areas = (0..<5).map { "area-\($0): \(levels[(person + $0) % 4])" }.joined(separator: ", ")
        return """
            apiVersion: tacet/v1
            kind: Therapist
            metadata: {name: t\(person)}
            name: Therapist \(person)
            role: music-therapist
            credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
            levels: {\(areas)}

            """
    }

    static func header(_ file: Int) -> String {
        """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: workflow-\(file), team: team-\(file % 7)}
        setting: Inpatient pediatrics
        steps:

        """
    }

    /// One workflow; `file` varies tasks, people and data so rules fire on some steps and not others.
    public static func workflow(_ file: Int, steps: Int) -> String {
        var text = header(file)
        for step in 0..<steps {
            let seed = file * 31 + step * 7
            text += """
                  - id: step-\(step)
                    task: task-\(seed % 20)
                    ai: \(ai[seed % 3])
                    tool: \(seed % 4 == 0 ? "helper" : "scribe")
                    data: [\(seed % 5 == 0 ? "phi" : "deidentified")]
                    performer: t\(seed % 6)
                    reviewer: t\((seed + 1) % 6)
                    consent: \(seed % 9 != 0)
                    disclosure: true
                    description: Step \(step) of workflow \(file), drafted from the session notes and signed by the reviewer.

                """
        }
        return text
    }

    /// A workflow that follows the policy on every step but its last, which uses AI in a human-only task.
    public static func compliantWorkflow(_ file: Int, steps: Int) -> String {
        var text = header(file)
        for step in 0..<steps {
            let task = step == steps - 1 ? 0 : (file + step) % 20 == 0 ? 1 : (file + step) % 20
            let area = task % 5
            // In area a, therapist p is at level (p + a) % 4: pick an advanced reviewer and a
            // performer at developing or above who is someone else.
            let reviewer = (3 - area + 4) % 4
            let performer = (0..<6).first { $0 != reviewer && ($0 + area) % 4 >= 1 } ?? 5
            let maxAI = task % 4 == 0 ? "human-only" : task % 4 == 1 ? "ai-assisted" : "ai-drafted"
            let ai = step == steps - 1 ? "ai-assisted" : maxAI
            text += """
                  - id: step-\(step)
                    task: task-\(task)
                    ai: \(ai)
                    tool: scribe
                    data: [deidentified]
                    performer: t\(performer)
                    reviewer: t\(reviewer)
                    consent: true
                    disclosure: true
                    description: Step \(step) of workflow \(file), drafted from the session notes and signed by the reviewer.

                """
        }
        return text
    }
}
