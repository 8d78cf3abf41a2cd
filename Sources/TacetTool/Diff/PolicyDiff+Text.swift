import TacetDiagnostics
import TacetEngine
import TacetReports

extension PolicyDiff {
    /// The impact as lines for a terminal: each changed policy's changes, the findings added and removed
    /// (`file:line:column: severity: message [rule]`), the exceptions left unused, the therapists whose
    /// plans change, and a closing count. Everything from the YAML goes through ``DisplayText``.
    func text() -> String {
        let shown = DisplayText.escaped
        var out = "Policy change from \(shown(base)) to \(shown(head))\n"
        if impact.policies.isEmpty { out += "\nNo policy changed.\n" }
        for delta in impact.policies {
            let team = delta.team.map { " (team \(shown($0)))" } ?? ""
            out += "\nPolicy '\(shown(delta.policy))'\(team) \(delta.status.rawValue):\n"
            out += delta.changes.map { change in
                let layer = change.layer.flatMap { $0 == delta.policy ? nil : " [from \(shown($0))]" } ?? ""
                return "  \(shown(change.sentence))\(layer)\n"
            }.joined()
        }
        out += findings("Findings added", impact.findings.added)
        out += findings("Findings removed", impact.findings.removed)
        if !impact.findings.unusedExceptions.isEmpty {
            out += "\nExceptions the change leaves unused (\(impact.findings.unusedExceptions.count)):\n"
            out += impact.findings.unusedExceptions.map { "  \(shown($0))\n" }.joined()
        }
        if !impact.therapists.isEmpty {
            out += "\nTherapists whose plans change (\(impact.therapists.count)):\n"
            for therapist in impact.therapists {
                out += "  \(shown(therapist.therapist)): \(shown(therapist.phrases.joined(separator: "; ")))\n"
            }
        }
        return out + "\n" + summary + "\n"
    }

    /// The closing line: `3 policy changes; 2 findings added (1 error), 1 removed; ...`.
    package var summary: String {
        let added = impact.findings.added
        let errors = added.filter { $0.severity == .error }.count
        var parts = [Wording.plural(impact.changeCount, "policy change"),
                     Wording.plural(added.count, "finding") + " added (\(Wording.plural(errors, "error")))"
                        + ", \(impact.findings.removed.count) removed"]
        if !impact.findings.unusedExceptions.isEmpty {
            parts.append(Wording.plural(impact.findings.unusedExceptions.count, "exception") + " left unused")
        }
        parts.append(impact.therapists.count == 1 ? "1 therapist's plan changes" : "\(impact.therapists.count) therapists' plans change")
        return parts.joined(separator: "; ")
    }

    private func findings(_ title: String, _ list: [Diagnostic]) -> String {
        guard !list.isEmpty else { return "" }
        let shown = DisplayText.escaped
        return "\n\(title) (\(list.count)):\n" + list.map { finding in
            let place = finding.location?.description ?? "-"
            return "  \(shown(place)): \(finding.severity.rawValue): \(shown(finding.message)) [\(shown(finding.code))]\n"
        }.joined()
    }
}
