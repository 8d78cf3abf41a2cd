import TacetDiagnostics
import TacetDocuments
import TacetReports
import TacetYAML

/// `tacet report PATH... --output FILE`: the self-contained HTML team report.
package enum ReportCommand {
    /// Checks `paths` (with `plugins` when given) and writes the team report to `output` atomically,
    /// never over an input. Exit 2 when the input is invalid (the report is still written and shows
    /// the problems) or the file cannot be written; otherwise 0, whatever the findings: the report is
    /// the product, and `check` is the command that gates.
    package static func run(paths: [String], output: String, today: CalendarDate, limits: YAMLLimits = .default,
                           failOn: Severity = .error, plugins: PluginSettings?) async -> ToolOutcome {
        let run = await CheckPipeline(today: today, limits: limits, plugins: plugins, failOn: failOn).run(paths: paths)
        let html = HTMLReportRenderer.render(run.input, today: today)
        do {
            try FileIO.writeAtomically(html, to: output, inputs: paths + run.files)
        } catch {
            return ToolOutcome(diagnostics: run.input.report.problems + error.diagnostics, sources: run.sources, status: .invalid)
        }
        let report = run.input.report
        let tally = report.tally
        return ToolOutcome(diagnostics: report.problems,
                           summary: "wrote \(output): \(report.scopeSentence); \(tally.countSentence), \(report.suppressed.count) suppressed"
                               + (tally.shortfallSentence().map { "\n" + $0 } ?? ""),
                           sources: run.sources, status: report.inputInvalid ? .invalid : .ok)
    }
}
