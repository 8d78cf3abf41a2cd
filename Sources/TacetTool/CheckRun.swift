import TacetDiagnostics
import TacetReports

/// What one ``CheckPipeline`` run produced: what `check` prints and `report` draws.
public struct CheckRun: Sendable {
    /// Everything the report formats render.
    public var input: ReportInput
    /// The files that were read (what an output file must never overwrite).
    public var files: [String]
    /// File bytes by path, for source excerpts (workflows and plugin manifests).
    public var sources: [String: [UInt8]]

    /// 2 when the input is invalid, 1 when a finding in force is at or above `--fail-on`, else 0.
    public var status: ExitStatus {
        let report = input.report
        return report.inputInvalid ? .invalid : report.findings.contains { $0.severity >= input.failOn } ? .findings : .ok
    }
}
