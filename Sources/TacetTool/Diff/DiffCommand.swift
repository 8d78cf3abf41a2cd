import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetReports
import TacetYAML

/// `tacet diff BASE HEAD PATH...`: what a policy change does to a team. Both sides run the
/// ``CheckPipeline`` over the same team documents (the run's paths) with their own policies, and the
/// two runs are compared (``PolicyImpact``).
public enum DiffCommand {
    /// How the impact is printed.
    public enum Format: String, Sendable, CaseIterable {
        /// Lines for a terminal.
        case text
        /// The JSON document `docs/schemas/diff-output.schema.json` describes.
        case json
        /// GitHub-flavoured Markdown for a pull-request comment.
        case markdown
    }

    /// Compares the policies of `base` and `head` (folders, or git revisions of the repository the run
    /// is in) over the team documents of `paths`. Exit 2 when a side cannot be read or either side's
    /// input is invalid, 1 when the change adds an error-level finding, else 0.
    public static func run(base: String, head: String, paths: [String], format: Format = .text, today: CalendarDate,
                           limits: YAMLLimits = .default, plugins: PluginSettings?,
                           workingDirectory: String = FileManager.default.currentDirectoryPath) async -> ToolOutcome {
        let pipeline = CheckPipeline(today: today, limits: limits, plugins: plugins)
        let diff: PolicyDiff
        do {
            diff = try await compare(base: base, head: head, paths: paths, pipeline: pipeline, in: workingDirectory)
        } catch {
            return .invalid(error.diagnostics)
        }
        guard !diff.inputInvalid else { return .invalid(diff.problems, sources: diff.sources) }
        let output = switch format {
        case .text: diff.text()
        case .json: DiffOutput(diff).text()
        case .markdown: PolicyImpactMarkdownRenderer.render(diff.impact, base: diff.base, head: diff.head,
                                                              workflows: diff.workflows, plans: diff.plans)
        }
        return ToolOutcome(output: output, sources: diff.sources, status: diff.status)
    }

    /// Runs the check on each side and compares the runs.
    package static func compare(base: String, head: String, paths: [String], pipeline: CheckPipeline,
                                in directory: String) async throws(DiagnosticError) -> PolicyDiff {
        let before = try PolicySide.open(base, paths: paths, in: directory)
        defer { before.revision?.remove() }
        let after = try PolicySide.open(head, paths: paths, in: directory)
        defer { after.revision?.remove() }
        let loader = WorkspaceLoader(limits: pipeline.limits)
        let team = loader.load(paths)
        var missing: [Diagnostic] = []
        if team.files.isEmpty {
            missing.append(.error(IOErrorCode.noDocuments, "no .yaml or .yml files found",
                                  at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1)))
        }
        let baseRun = await pipeline.run(before.workspace(team: team, loaded: loader.load(before.paths), directory: directory),
                                         adding: missing)
        let headRun = await pipeline.run(after.workspace(team: team, loaded: loader.load(after.paths), directory: directory),
                                         adding: missing)
        var impact = PolicyImpact(base: side(baseRun), head: side(headRun)) { after.common(before.common($0)) }
        impact.findings.added = impact.findings.added.map { relabel($0, after) }
        impact.findings.removed = impact.findings.removed.map { relabel($0, before) }
        var seen = Set<Diagnostic>()
        let problems = (baseRun.input.report.problems.map { relabel($0, before) } + headRun.input.report.problems.map { relabel($0, after) })
            .filter { seen.insert($0).inserted }.sorted()
        var sources: [String: [UInt8]] = [:]
        for (run, side) in [(baseRun, before), (headRun, after)] {
            for (file, bytes) in run.sources { sources[side.display(file)] = bytes }
        }
        return PolicyDiff(base: base, head: head, impact: impact, problems: problems, sources: sources,
                          workflows: headRun.input.report.workflowsChecked, plans: headRun.input.report.plansChecked)
    }

    private static func side(_ run: CheckRun) -> PolicyImpact.Side {
        PolicyImpact.Side(report: run.input.report, documents: run.input.documents, policies: run.input.policies)
    }

    /// `diagnostic` with its files named as `side` shows them.
    private static func relabel(_ diagnostic: Diagnostic, _ side: PolicySide) -> Diagnostic {
        var relabelled = diagnostic
        relabelled.location?.file = side.display(diagnostic.location?.file ?? "")
        relabelled.notes = diagnostic.notes.map { note in
            var relabelledNote = note
            relabelledNote.location?.file = side.display(note.location?.file ?? "")
            return relabelledNote
        }
        return relabelled
    }
}
