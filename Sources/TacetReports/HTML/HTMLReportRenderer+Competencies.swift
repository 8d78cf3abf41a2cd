import TacetDocuments
import TacetEngine
import TacetPlanning

extension HTMLReportRenderer.Page {
    /// The heat map: therapists by competency area, each cell the current level against the level to
    /// reach (the higher of the target and what the policy requires of them as a reviewer).
    func competencies() -> String {
        let framework = input.documents.lazy.compactMap { document -> Framework? in
            if case .framework(let framework) = document.document { return framework }
            return nil
        }.first
        var html = "<section id=\"competencies\" aria-labelledby=\"competencies-title\">\n"
            + "<h2 id=\"competencies-title\">Competency heat map</h2>\n"
        guard !therapists.isEmpty else {
            return html + "<p>No therapist profiles among the documents checked.</p>\n</section>\n"
        }
        // The framework's areas in its order; areas a profile names that the framework lacks come last.
        var areas = framework?.areas.map { ($0.id, $0.title) } ?? []
        for therapist in therapists {
            for area in Set(therapist.levels.keys).union(therapist.targets.keys).sorted() where !areas.contains(where: { $0.0 == area }) {
                areas.append((area, area))
            }
        }
        html += "<p>Each cell gives the therapist's current level and the level to reach: the higher of their target and the "
            + "level the policy requires for the workflow steps they review. The word in each cell says the status; colour only repeats it.</p>\n"
        html += "<ul class=\"legend\"><li><span class=\"cell meets\">meets</span> at or above the level to reach</li>"
            + "<li><span class=\"cell gap1\">1 below</span> one level to go</li>"
            + "<li><span class=\"cell gap2\">2+ below</span> two levels or more, or no level recorded</li>"
            + "<li><span class=\"cell none\">no target</span> nothing to reach</li></ul>\n"
        html += "<div class=\"scroll\"><table class=\"heatmap\">\n<caption>Current level and level to reach, by therapist and competency area</caption>\n"
        html += "<thead><tr><th scope=\"col\">Therapist</th>"
            + areas.map { "<th scope=\"col\">\(HTMLReportRenderer.escape($0.1))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for therapist in therapists {
            let gaps = Dictionary(GapAnalysis.gaps(of: therapist, steps: input.stepsWithAI).map { ($0.area, $0) }) { first, _ in first }
            html += "<tr><th scope=\"row\">\(HTMLReportRenderer.escape(therapist.name))<br><span class=\"file\">\(HTMLReportRenderer.escape(therapist.id)), "
                + "\(HTMLReportRenderer.escape(therapist.role))\(HTMLReportRenderer.escape(Self.credentialsNote(therapist)))</span></th>"
            for (area, _) in areas {
                html += cell(current: therapist.levels[area], target: therapist.targets[area], gap: gaps[area])
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    private func cell(current: CompetencyLevel?, target: CompetencyLevel?, gap: Gap?) -> String {
        let now = current?.rawValue ?? "none recorded"
        guard let goal = gap?.required ?? target else {
            return "<td class=\"cell none\">\(now)<br><span class=\"status\">no target</span></td>"
        }
        let distance = goal.rank - (current?.rank ?? -1)
        let (style, status) = distance <= 0 ? ("meets", "meets \(goal.rawValue)")
            : distance == 1 ? ("gap1", "1 below \(goal.rawValue)") : ("gap2", "\(distance) below \(goal.rawValue)")
        let reasons = gap?.reasons.joined(separator: "; ") ?? ""
        let title = reasons.isEmpty ? "" : " title=\"\(HTMLReportRenderer.escape(reasons))\""
        return "<td class=\"cell \(style)\"\(title)>\(now)<br><span class=\"status\">\(status)</span></td>"
    }
}
