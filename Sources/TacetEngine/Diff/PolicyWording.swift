import TacetDocuments
import TacetYAML

/// How ``PolicyDelta`` states a policy's values: with the policy's own ids and scale words, so a change
/// reads as the YAML would say it (`ai-assisted -> ai-drafted`).
enum PolicyWording {
    /// A task in one line: its AI level and what AI use in it requires.
    static func summary(_ task: PolicyTask) -> String {
        var parts = ["maxAI \(task.maxAI.rawValue)"]
        if task.requires.review != nil { parts.append("review \(review(task.requires.review, task: task))") }
        if task.requires.consent { parts.append("consent") }
        if task.requires.disclosure { parts.append("disclosure") }
        if let data = task.requires.data { parts.append("data \(list(data.map(\.rawValue)))") }
        if !task.requires.training.isEmpty { parts.append("training \(list(task.requires.training))") }
        return parts.joined(separator: ", ")
    }

    /// A tool in one line: its data classes and whether a BAA covers it.
    static func summary(_ tool: ApprovedTool) -> String {
        "data \(list(tool.data.map(\.rawValue))), baa \(tool.baa)"
    }

    /// A rule in one line: its severity and message.
    static func summary(_ rule: PolicyRule) -> String {
        "\(rule.severity.rawValue): \(rule.message)"
    }

    /// A review requirement: `therapist at proficient in documentation`, or `none`.
    static func review(_ review: ReviewRequirement?, task: PolicyTask) -> String {
        guard let review else { return "none" }
        return "\(review.role) at \(review.minLevel.rawValue) in \(review.area ?? task.area)"
    }

    /// A rule's condition in one line, without the places it is written at (so a rule moved in its file
    /// is not changed): `all(step.ai equals "ai-delegated", step.data contains "phi")`.
    static func condition(_ condition: Condition) -> String {
        switch condition {
        case .all(let items, _): "all(" + items.map(Self.condition).joined(separator: ", ") + ")"
        case .any(let items, _): "any(" + items.map(Self.condition).joined(separator: ", ") + ")"
        case .not(let inner, _): "not(" + Self.condition(inner) + ")"
        case .test(let fact, let op, let value, _):
            "\(fact) \(op.rawValue)" + (value.map { " " + ((try? $0.jsonText(pretty: false)) ?? "?") } ?? "")
        }
    }

    /// `required` or `not required`.
    static func required(_ flag: Bool) -> String { flag ? "required" : "not required" }

    /// A task's data classes, or what the tool allows when the task names none.
    static func data(_ classes: [DataClass]?) -> String {
        classes.map { list($0.map(\.rawValue)) } ?? "the tool's own"
    }

    /// `[a, b]`, sorted so that order alone is never a change.
    static func list(_ items: [String]) -> String { "[" + items.sorted().joined(separator: ", ") + "]" }
}
