import TacetDocuments
import TacetEngine

/// The handbook's words on trainees, credentials and vendors' terms.
extension StaffHandbook {
    /// " Its vendor does not train on client data. It keeps data 30 days." for the tools table; empty
    /// when the policy records no terms.
    func termsSentences(_ tool: ApprovedTool) -> String {
        guard let terms = tool.terms else { return "" }
        var text = terms.trainsOnClientData
            ? " Its vendor trains its AI on what you send" + (enforces(.toolTrainsOnClientData) ? ", so it may never take client data." : ".")
            : " Its vendor does not train its AI on what you send."
        if let retention = terms.retention { text += " The vendor keeps data: \(retention)." }
        if let deletion = terms.deletion { text += " Deletion: \(deletion)." }
        if let location = terms.dataLocation { text += " Data is held in: \(location)." }
        return text
    }

    /// Whether one of the policy's rules reads `fact`: the handbook states a consequence of the policy's
    /// settings only where a rule makes `check` enforce it.
    func enforces(_ fact: Fact) -> Bool { policy.rules.contains { $0.condition.facts.contains(fact) } }

    /// Who is supervised and which credentials count; nil when the policy says neither.
    func people() -> PlainDocument.Section? {
        var blocks: [PlainDocument.Block] = []
        if let supervision = policy.supervision {
            let roles = Self.either(supervision.roles.map(Self.article))
            var text = "The policy counts \(roles) as supervised. A supervisor is someone on the team whose role is "
                + "\(Self.either(supervision.supervisors))."
            if enforces(.performerSupervised) {
                text += " When \(roles) uses AI, a supervisor reviews the step, even in a task that asks for no review."
            }
            if enforces(.reviewerSupervised) { text += " Interns and students do not review AI use themselves." }
            blocks.append(.paragraph([.strong("Interns and students: "), .text(text)]))
            blocks.append(.references(sourceLinks(supervision.cite)))
        }
        if let credentials = policy.credentials {
            var text = "The policy recognises \(Self.either(credentials.recognised)). Your profile lists every credential you hold."
            if enforces(.performerCredentialRecognised) || enforces(.reviewerCredentialRecognised) {
                text += " The policy's rules check that clinical work with AI, or its review, is done by someone who holds one of these."
            }
            blocks.append(.paragraph([.strong("Credentials: "), .text(text)]))
            blocks.append(.references(sourceLinks(credentials.cite)))
        }
        guard !blocks.isEmpty else { return nil }
        return .init(id: "people", title: "Interns, students and credentials", blocks: blocks)
    }

    /// "a", "a or b", "a, b or c".
    static func either(_ phrases: [String]) -> String {
        guard let last = phrases.last else { return "" }
        return phrases.count == 1 ? last : phrases.dropLast().joined(separator: ", ") + " or " + last
    }

    /// "an intern", "a student".
    static func article(_ noun: String) -> String {
        (noun.first.map { "aeiouAEIOU".contains($0) } ?? false ? "an " : "a ") + noun
    }
}
