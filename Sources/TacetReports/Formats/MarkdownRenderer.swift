import TacetDiagnostics
import TacetDocuments

/// Renders a check as GitHub-flavoured Markdown for a pull-request comment: a headline with the counts,
/// a table of findings linking to `file#Lline`, and collapsed sections with each finding's fix and
/// sources, the suppressed findings and the input problems.
///
/// Severity is always written as a word, never only as a symbol or a colour.
package enum MarkdownRenderer {
    /// The Markdown summary of `input`.
    package static func render(_ input: ReportInput) -> String {
        let report = input.report
        let tally = report.tally
        let citations = input.citations
        var out: String
        if report.findings.isEmpty && report.problems.isEmpty {
            out = "### Tacet check: no findings\n\n\(report.scopeSentence); nothing in force to report"
        } else {
            out = "### Tacet check: \(tally.countSentence)\n\n\(report.scopeSentence)"
        }
        out += report.suppressed.isEmpty ? ".\n" : "; \(Wording.plural(report.suppressed.count, "finding")) suppressed by exceptions.\n"
        if report.inputInvalid {
            out += "\n**The input is invalid:** \(Wording.plural(tally.inputErrors, "problem")) must be fixed before the check can be trusted.\n"
        }
        if let shortfall = tally.shortfallPhrase { out += "\n**\(shortfall)**: see the input problems below.\n" }
        if !report.findings.isEmpty {
            out += "\n" + table(report.findings, input: input)
            out += "\n<details>\n<summary>Fixes and sources for \(Wording.plural(report.findings.count, "finding"))</summary>\n\n"
            out += report.findings.map { details($0, input: input, citations: citations) }.joined(separator: "\n")
            out += "\n</details>\n"
        }
        if !report.suppressed.isEmpty {
            out += "\n<details>\n<summary>\(Wording.plural(report.suppressed.count, "finding")) suppressed by exceptions</summary>\n\n"
            out += "| Severity | Rule | Where | Finding | Exception |\n| --- | --- | --- | --- | --- |\n"
            for entry in report.suppressed {
                let exception = "\(entry.exception) (owner \(entry.owner), expires \(entry.expires))"
                out += row(entry.finding, input: input) + " \(cell(exception)) |\n"
            }
            out += "\n</details>\n"
        }
        if !report.problems.isEmpty {
            out += "\n<details>\n<summary>\(Wording.plural(report.problems.count, "input problem"))</summary>\n\n"
            out += table(report.problems, input: input) + "\n</details>\n"
        }
        return out
    }

    private static func table(_ diagnostics: [Diagnostic], input: ReportInput) -> String {
        "| Severity | Rule | Where | Finding |\n| --- | --- | --- | --- |\n"
            + diagnostics.map { row($0, input: input) + "\n" }.joined()
    }

    private static func row(_ diagnostic: Diagnostic, input: ReportInput) -> String {
        let rule = diagnostic.plugin.map { "`\(codeCell(diagnostic.code))` (plugin \(cell($0)))" } ?? "`\(codeCell(diagnostic.code))`"
        return "| \(diagnostic.severity.rawValue) | \(rule) | \(link(diagnostic.location, input: input)) | \(cell(diagnostic.message)) |"
    }

    private static func details(_ diagnostic: Diagnostic, input: ReportInput, citations: [String: Citation]) -> String {
        let place = diagnostic.location.map { " at \(link($0, input: input))" } ?? ""
        var text = "#### \(diagnostic.severity.rawValue): `\(code(diagnostic.code))`\(place)\n\n\(inline(diagnostic.message))\n"
        if let hint = diagnostic.hint { text += "\n**Fix:** \(inline(hint))\n" }
        if !diagnostic.citations.isEmpty {
            text += "\n**Sources:**\n\n"
            for id in diagnostic.citations {
                guard let citation = citations[id] else {
                    text += "- `\(code(id))`\n"
                    continue
                }
                let assumption = citation.assumption ? " *(\(Citation.assumptionNote))*" : ""
                text += "- \(inline(citation.titleAndSection)): \(inline(citation.source))\(assumption)\n"
            }
        }
        return text
    }

    private static func link(_ location: SourceLocation?, input: ReportInput) -> String {
        guard let location else { return "(no file)" }
        let path = input.path(location.file)
        let base = input.linkBase.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "[\(cell("\(name):\(location.line):\(location.column)"))](\(base)\(FilePaths.uriReference(path))#L\(location.line))"
    }

    /// Text for a table cell: inline-escaped (so no line break is left), and pipes escaped.
    static func cell(_ text: String) -> String { pipes(inline(text)) }

    /// A code span's text in a table cell: GitHub splits cells at `|` even inside a code span.
    static func codeCell(_ text: String) -> String { pipes(code(text)) }

    /// `text` with each `|` escaped, so that it stays in its table cell.
    static func pipes(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }

    /// Text that must not turn into markup or break its line: controls and line breaks shown by
    /// ``DisplayText`` (as `\n`, `\u{1B}`, ...), HTML-sensitive characters as entities, Markdown
    /// punctuation (and so the escapes' backslashes) backslash-escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in DisplayText.escaped(text).unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "#", "~": out += "\\" + String(character)
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Text inside a code span: controls shown by ``DisplayText``; backticks would end it, so they
    /// become a similar-looking quote.
    static func code(_ text: String) -> String {
        String(DisplayText.escaped(text).map { $0 == "`" ? "'" : $0 })
    }
}
