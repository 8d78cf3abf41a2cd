import TacetDiagnostics
import TacetReports

/// What one ``CheckPipeline`` run produced: what `check` prints and `report` draws.
package struct CheckRun: Sendable {
    /// Everything the report formats render.
    package var input: ReportInput
    /// The files that were read (what an output file must never overwrite).
    package var files: [String]
    /// File bytes by path, for source excerpts (workflows and plugin manifests).
    package var sources: [String: [UInt8]]
    /// The lines quoted from each workflow and plan the check released, for the same excerpts.
    package var quoted: [String: QuotedLines] = [:]

    /// 2 when the input is invalid, 1 when a finding in force is at or above `--fail-on`, else 0.
    package var status: ExitStatus {
        let report = input.report
        return report.inputInvalid ? .invalid : report.findings.contains { $0.severity >= input.failOn } ? .findings : .ok
    }
}
