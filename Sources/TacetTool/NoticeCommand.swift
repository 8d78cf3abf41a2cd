import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetReports
import TacetYAML

/// `tacet notice PATH... --output FILE.html|FILE.md`: the client AI notice and consent form for the
/// workflows among the paths, checked first through the same pipeline as `check`.
package enum NoticeCommand {
    /// Checks `paths` as `check` does (with `plugins` when given) and writes the notice of every workflow
    /// among them. A workflow with an error in force is refused: nothing is written, its findings are
    /// returned as `check` prints them, and the exit status is 1, so no notice describes a practice that
    /// breaks the policy. Exit 2 when the input is invalid, no workflow is among the paths, or the file
    /// cannot be written.
    package static func run(paths: [String], output: String, today: CalendarDate, limits: YAMLLimits = .default,
                            plugins: PluginSettings? = nil, alsoRead: [String] = []) async -> ToolOutcome {
        let run = await check(paths: paths, today: today, limits: limits, plugins: plugins)
        switch document(of: run, today: today) {
        case .invalid(let diagnostics):
            return .invalid(diagnostics, sources: run.sources)
        case .refused(let findings, let summary):
            return ToolOutcome(findings: findings, summary: summary, sources: run.sources, status: .findings)
        case .notice(let document, let summary, let warnings):
            do {
                try PlainOutput.write(document, to: output, inputs: paths + run.files + alsoRead)
            } catch {
                return .invalid(error.diagnostics, sources: run.sources)
            }
            let staff = warnings.isEmpty ? "" : "; \(Wording.plural(warnings.count, "warning")): it uses staff wording where the policy or workflow gives none for clients"
            return ToolOutcome(findings: warnings, summary: "wrote \(output): \(summary)\(staff)", sources: run.sources, status: .ok)
        }
    }

    /// Checks `paths` as `check` does, keeping the workflows loaded: the notice reads each one's steps
    /// after the check, where `check` releases them once judged.
    package static func check(paths: [String], today: CalendarDate, limits: YAMLLimits = .default,
                              plugins: PluginSettings? = nil) async -> CheckRun {
        var pipeline = CheckPipeline(today: today, limits: limits, plugins: plugins)
        pipeline.streaming = false
        return await pipeline.run(paths: paths)
    }

    /// What `notice` makes of one check run.
    package enum Made {
        /// The notice, what it covers in words, and a warning for each place it falls back to staff wording.
        case notice(PlainDocument, summary: String, warnings: [Diagnostic])
        /// No notice: workflows break the policy; their errors, and the sentence that says so.
        case refused([Diagnostic], summary: String)
        /// No notice: the input is invalid or holds no workflow.
        case invalid([Diagnostic])
    }

    /// The notice of the workflows `run` checked, or why there is none.
    package static func document(of run: CheckRun, today: CalendarDate) -> Made {
        let input = run.input
        guard !input.report.inputInvalid else { return .invalid(input.report.problems) }
        let workflows = input.documents.compactMap { document -> (LoadedDocument, Workflow)? in
            if case .workflow(let workflow) = document.document { return (document, workflow) }
            return nil
        }
        guard !workflows.isEmpty else {
            return .invalid([.error(IOErrorCode.noDocuments, "no Workflow among the documents loaded: the notice describes a team's workflows",
                                    at: nil, hint: "add the workflows the client's care follows to the paths")])
        }
        let files = Set(workflows.map(\.0.file))
        let errors = input.report.findings.filter { finding in
            finding.severity == .error && finding.location.map { files.contains($0.file) } == true
        }
        guard errors.isEmpty else {
            let broken = workflows.filter { document, _ in errors.contains { $0.location?.file == document.file } }.map { "'\($0.1.metadata.name)'" }
            return .refused(errors, summary: "no notice written: \(broken.count == 1 ? "workflow" : "workflows") \(broken.joined(separator: ", ")) "
                                + "\(broken.count == 1 ? "breaks" : "break") the policy (\(Wording.plural(errors.count, "error"))); "
                                + "a notice describes only a practice that meets it")
        }
        // A notice names where health information goes; an AI step sending PHI to no named tool cannot say it.
        let untooled = workflows.flatMap { _, workflow in
            workflow.steps.filter { $0.ai > .humanOnly && $0.data.contains(.phi) && $0.tool == nil }
                .map { "step '\($0.id)' of workflow '\(workflow.metadata.name)'" }
        }
        guard untooled.isEmpty else {
            return .refused([], summary: "no notice written: \(untooled.joined(separator: ", ")) "
                                + "\(untooled.count == 1 ? "sends" : "send") PHI to AI but \(untooled.count == 1 ? "names" : "name") no tool, "
                                + "so the notice cannot tell the client where their health information goes; name the tool on the step")
        }
        let choice = PolicyChoice(input.policies)
        var covered: [ClientNotice.Covered] = []
        for (document, workflow) in workflows {
            switch choice.choose(for: document, workflow) {
            case .success(let policy): covered.append(.init(document: document, workflow: workflow, policy: policy))
            case .failure(let error): return .invalid(error.diagnostics)
            }
        }
        var therapists: [String: Therapist] = [:]
        for document in input.documents {
            if case .therapist(let therapist) = document.document { therapists[therapist.id] = therapist }
        }
        let steps = covered.reduce(0) { $0 + $1.workflow.steps.filter { $0.ai > .humanOnly }.count }
        let notice = ClientNotice(covered: covered, therapists: therapists)
        return .notice(notice.document(today: today, toolVersion: input.toolVersion),
                       summary: "the client notice of \(Wording.plural(covered.count, "workflow")) (\(Wording.plural(steps, "AI step")))",
                       warnings: notice.staffWording)
    }
}
