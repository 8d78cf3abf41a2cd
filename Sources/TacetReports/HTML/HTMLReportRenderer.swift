import TacetDiagnostics
import TacetDocuments
import TacetEngine

/// Renders the team report: one self-contained HTML page (inline CSS, no script, no network) with the
/// summary, the findings by document and severity with the policy's rationale and sources, the
/// competency heat map of the roster, and each therapist's plan across their cycle.
///
/// Built for people who do not read terminals and for print: semantic headings and landmarks, tables
/// with header cells, text contrast of at least 4.5:1, and every colour doubled by a word.
package enum HTMLReportRenderer {
    /// The report page for `input`, dated `today` (which also marks quarters already past on the timelines).
    package static func render(_ input: ReportInput, today: CalendarDate) -> String {
        let page = Page(input: input, today: today)
        let team = page.teamName.map { ": \($0)" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="tacet \(escape(input.toolVersion))">
            <title>Tacet team report\(escape(team))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <header>
            <h1>Tacet team report\(escape(team))</h1>
            <p>Written \(today) by tacet \(escape(input.toolVersion)): \(escape(input.report.scopeSentence)).</p>
            <nav aria-label="Sections"><ul>
            <li><a href="#summary">Summary</a></li><li><a href="#findings">Findings</a></li>
            <li><a href="#competencies">Competency heat map</a></li><li><a href="#plans">Learning plans</a></li>
            <li><a href="#about">About this report</a></li>
            </ul></nav>
            </header>
            <main>
            \(page.summary())
            \(page.findings())
            \(page.competencies())
            \(page.plans())
            \(page.about())
            </main>
            </body>
            </html>

            """
    }

    /// Escapes text for the page.
    static func escape(_ text: String) -> String { MarkupText.escape(text) }

    /// What every section of the page reads: the input, the policy citations, and the documents by kind.
    struct Page {
        let input: ReportInput
        let today: CalendarDate
        let citations: [String: Citation]
        let choice: PolicyChoice
        /// The roster, by id: the heat map's rows and the plans' order.
        let therapists: [Therapist]

        init(input: ReportInput, today: CalendarDate) {
            self.input = input
            self.today = today
            citations = input.citations
            choice = PolicyChoice(input.policies)
            therapists = input.documents.compactMap { document -> Therapist? in
                if case .therapist(let therapist) = document.document { return therapist }
                return nil
            }.sorted { $0.id < $1.id }
        }

        /// The team the workflows name, when they name exactly one.
        var teamName: String? {
            let teams = Set(input.checked.compactMap { $0.kind == .workflow ? $0.team : nil })
            return teams.count == 1 ? teams.first : nil
        }

        func summary() -> String {
            let report = input.report
            let tally = report.tally
            // Errors, warnings and infos count every row below, input problems included, as `check` does.
            let counts: [(String, Int, String)] = [
                ("Errors", tally.errors, "error"), ("Warnings", tally.warnings, "warning"),
                ("Infos", tally.infos, "info"), ("Suppressed by exceptions", report.suppressed.count, "suppressed"),
                ("Input problems among them", report.problems.count, report.problems.isEmpty ? "info" : "error"),
            ]
            var html = "<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n"
            html += "<dl class=\"counts\">\n"
            for (label, count, style) in counts {
                html += "<div class=\"count \(style)\"><dt>\(label)</dt><dd>\(count)</dd></div>\n"
            }
            html += "</dl>\n"
            let verdict: String
            if report.inputInvalid {
                let shortfall = tally.shortfallPhrase.map { ", so \($0)" } ?? ""
                verdict = "The input has errors\(shortfall): fix the input problems below before trusting the rest of this report."
            } else if report.findings.contains(where: { $0.severity >= input.failOn }) {
                verdict = "Some workflows or plans break the policy: see the findings below, each with its fix."
            } else {
                verdict = "No finding at or above \(input.failOn.rawValue): the workflows and plans checked meet the policy."
            }
            html += "<p class=\"verdict\">\(escape(verdict))</p>\n</section>\n"
            return html
        }

        func findings() -> String {
            // A plugin that failed is said once, in words, under "About this report": its stderr and
            // the commands that reproduce it are for whoever runs Tacet, not for the page's readers.
            var shown = input
            shown.report.findings.removeAll(where: \.isPluginFailure)
            shown.report.problems.removeAll(where: \.isPluginFailure)
            let files = FileGroups(shown)
            var html = "<section id=\"findings\" aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">Findings</h2>\n"
            if shown.report.findings.isEmpty && shown.report.suppressed.isEmpty && shown.report.problems.isEmpty {
                html += "<p>No findings: every workflow and plan checked meets the policy.</p>\n"
            }
            for group in files.groups where !group.entries.isEmpty {
                html += documentFindings(group)
            }
            if !files.unplaced.isEmpty {
                html += "<article>\n<h3>Not tied to a file</h3>\n" + findingTable(files.unplaced.map { ($0, nil) }, policy: nil) + "</article>\n"
            }
            return html + "</section>\n"
        }

        private func documentFindings(_ group: FileGroups.Group) -> String {
            let policy = group.outline.flatMap { choice.policy(for: $0.document) }
            var html = "<article class=\"document\">\n<h3>\(escape(group.outline == nil ? input.path(group.file) : group.title))"
            html += " <span class=\"file\">\(escape(input.path(group.file)))</span></h3>\n"
            if let policy { html += "<p>Checked against policy <strong>\(escape(policy.name))</strong>.</p>\n" }
            if let clients = group.outline?.document.clients { html += "<p>Clients: \(escape(clients)).</p>\n" }
            let entries = group.parts.indices.flatMap { index in group.parts[index].map { ($0, group.outline?.parts[index]) } }
            for severity in Severity.allCases.sorted(by: >) {
                let inForce = entries.filter { entry, _ in entry.isFinding && entry.diagnostic.severity == severity }
                guard !inForce.isEmpty else { continue }
                html += "<h4>\(Self.heading(severity, count: inForce.count))</h4>\n" + findingTable(inForce, policy: policy)
            }
            let suppressed = entries.filter { entry, _ in entry.isSuppressed }
            if !suppressed.isEmpty {
                html += "<h4>Suppressed by exceptions (\(suppressed.count))</h4>\n" + findingTable(suppressed, policy: policy)
            }
            let problems = entries.filter { entry, _ in entry.isProblem }
            if !problems.isEmpty {
                html += "<h4>Input problems (\(problems.count))</h4>\n" + findingTable(problems, policy: policy)
            }
            return html + "</article>\n"
        }

        private static func heading(_ severity: Severity, count: Int) -> String {
            switch severity {
            case .error: "Errors (\(count))"
            case .warning: "Warnings (\(count))"
            case .info: "Information (\(count))"
            }
        }

        private func findingTable(_ entries: [(ReportEntry, DocumentOutline.Part?)], policy: ResolvedPolicy?) -> String {
            var html = "<table class=\"findings\">\n<thead><tr><th scope=\"col\">Where</th><th scope=\"col\">Part</th>"
                + "<th scope=\"col\">Severity</th><th scope=\"col\">Finding and fix</th><th scope=\"col\">Why: rationale and sources</th></tr></thead>\n<tbody>\n"
            for (entry, part) in entries {
                let diagnostic = entry.diagnostic
                let place = diagnostic.location.map { "line \($0.line), column \($0.column)" } ?? "-"
                var finding = "<p>\(escape(diagnostic.message))</p>"
                if let hint = diagnostic.hint { finding += "<p class=\"fix\"><strong>Fix:</strong> \(escape(hint))</p>" }
                finding += "<p class=\"rule\">Rule <code>\(escape(diagnostic.code))</code>"
                    + (diagnostic.plugin.map { " from plugin <code>\(escape($0))</code>" } ?? "") + "</p>"
                if case .suppressed(let suppression) = entry.role {
                    finding += "<p class=\"exception\">Suppressed by exception <code>\(escape(suppression.exception))</code>, "
                        + "owner \(escape(suppression.owner)), expires \(suppression.expires).</p>"
                }
                html += "<tr class=\"\(diagnostic.severity.rawValue)\"><td>\(escape(place))</td><td>\(escape(part?.name ?? "document"))</td>"
                    + "<td><span class=\"badge \(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)</span></td>"
                    + "<td>\(finding)</td><td>\(why(diagnostic, part: part, policy: policy))</td></tr>\n"
            }
            return html + "</tbody>\n</table>\n"
        }

        /// The task's rationale (for a finding on a workflow step) and the finding's sources by title.
        private func why(_ diagnostic: Diagnostic, part: DocumentOutline.Part?, policy: ResolvedPolicy?) -> String {
            var html = ""
            if let task = part?.task, let rationale = policy?.tasks[task]?.value.rationale {
                let name = "<code>\(escape(task))</code>"
                let linked = input.handbook.map { "<a href=\"\(escape($0))#\(escape(StaffHandbook.anchor(task: task)))\">\(name)</a>" } ?? name
                html += "<p>Task \(linked): \(escape(rationale))</p>"
            }
            if !diagnostic.citations.isEmpty {
                html += "<ul class=\"sources\">" + diagnostic.citations.map { "<li>\(citation($0))</li>" }.joined() + "</ul>"
            }
            return html.isEmpty ? "-" : html
        }

        /// A citation by title, section and source; an assumption says so in words.
        func citation(_ id: String) -> String {
            guard let citation = citations[id] else { return "<code>\(escape(id))</code>" }
            var text = escape(citation.titleAndSection) + " <span class=\"source\">(\(escape(citation.source)))</span>"
            if citation.assumption { text += " <em class=\"assumption\">\(Citation.assumptionNote)</em>" }
            return text
        }
    }
}
