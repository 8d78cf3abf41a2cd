import TacetDiagnostics
import TacetEngine

/// Renders `tacet diff` as GitHub-flavoured Markdown for a pull-request comment: a headline with what
/// the change adds and removes, then tables of the policy changes, the findings added and removed (each
/// at its file:line:column), the exceptions left unused and the therapists whose plans change.
///
/// Everything taken from the YAML is escaped as ``MarkdownRenderer`` escapes it.
package enum PolicyImpactMarkdownRenderer {
    /// The Markdown of `impact`, the change from `base` to `head`, checked over `workflows` workflows and
    /// `plans` learning plans.
    package static func render(_ impact: PolicyImpact, base: String, head: String, workflows: Int, plans: Int) -> String {
        let added = impact.findings.added
        let errors = added.filter { $0.severity == .error }.count
        var out = "### Tacet diff: \(Wording.plural(added.count, "finding")) added, \(impact.findings.removed.count) removed\n\n"
        out += "Policy change from `\(MarkdownRenderer.code(base))` to `\(MarkdownRenderer.code(head))`: "
            + "\(Wording.plural(impact.changeCount, "policy change")), checked over \(Wording.plural(workflows, "workflow")) "
            + "and \(Wording.plural(plans, "learning plan")).\n"
        if errors > 0 {
            out += "\n**This change adds \(Wording.plural(errors, "error"))**: `tacet check` fails once it is merged.\n"
        }
        if !impact.policies.isEmpty {
            out += "\n#### Policy changes\n\n| Policy | Item | Change | Effect |\n| --- | --- | --- | --- |\n"
            for delta in impact.policies {
                let policy = MarkdownRenderer.cell(delta.policy) + (delta.team.map { " (team \(MarkdownRenderer.cell($0)))" } ?? "")
                    + (delta.status == .changed ? "" : ", \(delta.status.rawValue)")
                for change in delta.changes {
                    let layer = change.layer.flatMap { $0 == delta.policy ? nil : " (from \(MarkdownRenderer.cell($0)))" } ?? ""
                    let id = change.item.isSingle ? "" : " `\(MarkdownRenderer.codeCell(change.id))`"
                    let item = "\(change.item.rawValue)\(id)\(layer)"
                    out += "| \(policy) | \(item) | \(MarkdownRenderer.cell(what(change))) | \(change.effect.rawValue) |\n"
                }
            }
        }
        out += table("Findings added", added)
        out += table("Findings removed", impact.findings.removed)
        if !impact.findings.unusedExceptions.isEmpty {
            out += "\n#### Exceptions the change leaves unused\n\n"
            out += impact.findings.unusedExceptions.map { "- `\(MarkdownRenderer.code($0))`\n" }.joined()
        }
        if !impact.therapists.isEmpty {
            out += "\n#### Therapists whose plans change\n\n| Therapist | What changes |\n| --- | --- |\n"
            for therapist in impact.therapists {
                out += "| `\(MarkdownRenderer.codeCell(therapist.therapist))` | "
                    + "\(MarkdownRenderer.cell(therapist.phrases.joined(separator: "; "))) |\n"
            }
        }
        return out
    }

    /// A change without its item: `maxAI: ai-assisted → ai-drafted`, `added: ...`.
    private static func what(_ change: PolicyChange) -> String {
        guard let aspect = change.aspect else {
            return change.effect == .added ? "added: \(change.after ?? "")" : "removed (was: \(change.before ?? ""))"
        }
        return "\(aspect): \(change.before ?? "none") → \(change.after ?? "none")"
    }

    private static func table(_ title: String, _ findings: [Diagnostic]) -> String {
        guard !findings.isEmpty else { return "" }
        return "\n#### \(title) (\(findings.count))\n\n| Severity | Rule | Where | Finding |\n| --- | --- | --- | --- |\n"
            + findings.map { finding in
                let place = finding.location?.description ?? "(no file)"
                return "| \(finding.severity.rawValue) | `\(MarkdownRenderer.codeCell(finding.code))` | "
                    + "\(MarkdownRenderer.cell(place)) | \(MarkdownRenderer.cell(finding.message)) |\n"
            }.joined()
    }
}
