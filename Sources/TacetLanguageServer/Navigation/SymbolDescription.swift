import TacetDocuments
import TacetEngine

/// What hover shows for an id: what it is, in words, from the checked workspace.
package enum SymbolDescription {
    /// Markdown describing `id` of `kind`, or nil when the workspace defines no such id.
    package static func markdown(_ kind: SymbolKind, _ id: String, in analysis: Analysis) -> String? {
        switch kind {
        case .task: task(id, analysis)
        case .tool: tool(id, analysis)
        case .rule: rule(id, analysis)
        case .therapist: therapist(id, analysis)
        case .course: course(id, analysis)
        case .area: area(id, analysis)
        }
    }

    /// The resolved policies in name order, so that a task or tool two policies define is described once, stably.
    private static func policies(_ analysis: Analysis) -> [ResolvedPolicy] {
        analysis.run.input.policies.keys.sorted().compactMap { analysis.run.input.policies[$0] }
    }

    private static func task(_ id: String, _ analysis: Analysis) -> String? {
        for policy in policies(analysis) {
            guard let task = policy.tasks[id]?.value else { continue }
            var lines = ["**Task `\(id)`**: \(task.title)", "",
                         "AI ceiling: **\(task.maxAI.rawValue)** (policy `\(policy.name)`); competency area: `\(task.area)`"]
            var requires: [String] = []
            if let review = task.requires.review {
                requires.append("review by a \(review.role) at \(review.minLevel.rawValue) or above"
                                + (review.area.map { " in \($0)" } ?? ""))
            }
            if task.requires.consent { requires.append("the client's consent (`consent: true`)") }
            if task.requires.disclosure { requires.append("disclosure of the AI in the record (`disclosure: true`)") }
            if let data = task.requires.data { requires.append("data only of the classes " + data.map(\.rawValue).joined(separator: ", ")) }
            if !task.requires.training.isEmpty { requires.append("training: " + task.requires.training.joined(separator: ", ")) }
            lines.append("")
            lines.append(requires.isEmpty ? "Requires nothing more." : "Requires: " + requires.joined(separator: "; ") + ".")
            if let rationale = task.rationale { lines += ["", rationale] }
            let sources = task.cite.map { id in policy.citations[id].map { "\($0.title) (`\(id)`)" } ?? "`\(id)`" }
            if !sources.isEmpty { lines += ["", "Sources: " + sources.joined(separator: "; ")] }
            return lines.joined(separator: "\n")
        }
        return nil
    }

    private static func tool(_ id: String, _ analysis: Analysis) -> String? {
        for policy in policies(analysis) {
            guard let tool = policy.tools[id]?.value else { continue }
            let terms = tool.terms.map { ["", vendorTerms($0)] } ?? []
            return (["**Tool `\(id)`**" + (tool.title.map { ": \($0)" } ?? ""), "",
                     "Approved by policy `\(policy.name)` for data: " + tool.data.map(\.rawValue).joined(separator: ", ")
                        + "; business associate agreement: " + (tool.baa ? "yes" : "no")] + terms).joined(separator: "\n")
        }
        return nil
    }

    private static func rule(_ id: String, _ analysis: Analysis) -> String? {
        for policy in policies(analysis) {
            guard let rule = policy.rules.first(where: { $0.id == id })?.rule else { continue }
            return ["**Rule `\(id)`** (\(rule.severity.rawValue), policy `\(policy.name)`)", "", rule.message]
                .joined(separator: "\n") + (rule.hint.map { "\n\nFix: \($0)" } ?? "")
        }
        return nil
    }

    private static func therapist(_ id: String, _ analysis: Analysis) -> String? {
        for document in analysis.documents {
            guard case .therapist(let therapist) = document.document, therapist.id == id else { continue }
            let levels = therapist.levels.keys.sorted().map { "`\($0)`: \(therapist.levels[$0]?.rawValue ?? "")" }
            let credentials = therapist.credentials.isEmpty ? [] : ["", "Credentials: " + therapist.heldCredentials.joined(separator: ", ")]
            return (["**Therapist `\(id)`**: \(therapist.name), \(therapist.role)", "",
                     "Levels: " + (levels.isEmpty ? "none recorded" : levels.joined(separator: ", "))] + credentials).joined(separator: "\n")
        }
        return nil
    }

    private static func course(_ id: String, _ analysis: Analysis) -> String? {
        for document in analysis.documents {
            guard case .catalog(let catalog) = document.document, let course = catalog.courses.first(where: { $0.id == id }) else { continue }
            var text = "**Course `\(id)`**: \(course.title)\n\n\(course.provider); \(Self.number(course.credits)) credits "
                + "(\(course.category)), \(Self.number(course.hours)) hours, \(course.format.rawValue)"
            if !course.prerequisites.isEmpty { text += "\n\nPrerequisites: " + course.prerequisites.map { "`\($0)`" }.joined(separator: ", ") }
            return text
        }
        return nil
    }

    private static func area(_ id: String, _ analysis: Analysis) -> String? {
        for document in analysis.documents {
            guard case .framework(let framework) = document.document, let area = framework.areas.first(where: { $0.id == id }) else { continue }
            return "**Competency area `\(id)`**: \(area.title)" + (area.rationale.map { "\n\n\($0)" } ?? "")
        }
        return nil
    }

    /// A number as people write it: `3`, not `3.0`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
