import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginHost
import TacetReports
import TacetYAML

/// `tacet check PATH...`: checks every workflow against its policy and the roster.
public enum CheckCommand {
    /// Loads `paths` and judges them through the ``CheckPipeline``, running the checker plugins of
    /// `plugins` when given. Exit 2 when the input is invalid, 1 when a finding in force is at or above
    /// `failOn`, else 0. Policy-test inputs among the paths are not checked as the team's own.
    ///
    /// `linkBase` prefixes the file links of `--format markdown` (a repository's blob URL, say).
    public static func run(paths: [String], format: OutputFormat = .text, failOn: Severity = .error,
                           today: CalendarDate, limits: YAMLLimits = .default, linkBase: String? = nil,
                           plugins: PluginSettings?) async -> ToolOutcome {
        // JUnit lists every step and plan item as a test case; no other format reads them.
        let pipeline = CheckPipeline(today: today, limits: limits, plugins: plugins, failOn: failOn, linkBase: linkBase,
                                     retaining: format == .junit ? .outlines : [])
        return outcome(await pipeline.run(paths: paths), format: format)
    }

    private static func outcome(_ run: CheckRun, format: OutputFormat) -> ToolOutcome {
        let report = run.input.report
        let output = switch format {
        case .text: suppressedText(report) + summary(report)
        case .json: CheckOutput(report).text()
        case .sarif: SARIFRenderer.render(run.input)
        case .junit: JUnitRenderer.render(run.input)
        case .github: GitHubAnnotationRenderer.render(run.input)
        case .markdown: MarkdownRenderer.render(run.input)
        }
        // Text prints findings and problems as diagnostics; every other format carries them in its output.
        guard format == .text else { return ToolOutcome(output: output, sources: run.sources, quoted: run.quoted, status: run.status) }
        return ToolOutcome(output: output, diagnostics: report.problems, findings: report.findings, sources: run.sources, quoted: run.quoted,
                           status: run.status)
    }

    static func suppressedText(_ report: CheckReport) -> String {
        guard !report.suppressed.isEmpty else { return "" }
        var text = (shownAbove(report) ? "\n" : "") + "Suppressed by exceptions (\(report.suppressed.count)):\n"
        let shown = DisplayText.escaped
        for entry in report.suppressed {
            let place = entry.finding.location?.description ?? "-"
            text += "  \(shown(place)): \(entry.finding.severity.rawValue): \(shown(entry.finding.message)) [\(shown(entry.finding.code))]\n"
            text += "    by exception '\(shown(entry.exception))' (owner \(shown(entry.owner)), expires \(entry.expires))\n"
        }
        return text
    }

    /// Whether diagnostics are printed before the text output, which a blank line then sets apart; a
    /// clean run starts with its summary.
    private static func shownAbove(_ report: CheckReport) -> Bool { !report.findings.isEmpty || !report.problems.isEmpty }

    /// The closing lines: what was checked with every finding and input problem counted, then what
    /// could not be checked ("1 of 2 workflows could not be checked: see the error above"), last,
    /// where people read.
    static func summary(_ report: CheckReport) -> String {
        let tally = report.tally
        let gap = shownAbove(report) || !report.suppressed.isEmpty ? "\n" : ""
        return gap + "\(report.scopeSentence): \(tally.countSentence); \(report.suppressed.count) suppressed by exceptions\n"
            + (tally.shortfallSentence().map { $0 + "\n" } ?? "")
    }
}
