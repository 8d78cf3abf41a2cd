import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetYAML

/// `tacet explain WORKFLOW [PATH...] --step ID | --task ID`.
package enum ExplainCommand {
    /// What to explain.
    package enum Subject: Sendable {
        /// One step of the workflow.
        case step(String)
        /// One task of the workflow's policy.
        case task(String)
    }

    /// The paths a user gave: `paths`, with `workflow` first when it is a file or folder rather than a name.
    package static func explicitPaths(workflow: String?, paths: [String]) -> [String] {
        guard let workflow, FileManager.default.fileExists(atPath: workflow), !paths.contains(workflow) else { return paths }
        return [workflow] + paths
    }

    /// Loads `paths`, then explains `subject` of the workflow named (or stored at) `workflow`.
    ///
    /// A task needs no workflow: when `workflow` is nil, or is a path that holds no workflow (a folder of
    /// policies, say: `tacet explain Policies --task ID`), it is one of the paths, and the task is taken
    /// from the policy named `policy`, or else from the only policy no other extends.
    package static func run(workflow: String?, subject: Subject, paths: [String], policy: String? = nil, today: CalendarDate,
                            limits: YAMLLimits = .default) -> ToolOutcome {
        let isPath = workflow.map { FileManager.default.fileExists(atPath: $0) } ?? false
        let all = explicitPaths(workflow: workflow, paths: paths)
        var workspace = WorkspaceLoader(limits: limits).load(all.isEmpty ? ["."] : all)
        // Policy-test inputs (test layers among them) are fixtures, as in `check`, not policies to explain.
        let fixtures = PolicyTestInputs.files(in: workspace)
        workspace.documents.removeAll { fixtures.contains($0.file) }
        let loadErrors = workspace.diagnostics.filter { $0.severity == .error }
        guard loadErrors.isEmpty else { return .invalid(workspace.diagnostics, sources: workspace.sources) }
        let named = workflow.flatMap { workflow in
            isPath ? workspace.documents.first { $0.file == workflow && $0.kind == .workflow }?.name : workflow
        }
        do {
            switch subject {
            case .step(let id):
                guard let named else {
                    return .invalid([.error(ExplainErrorCode.unknownWorkflow, "--step needs the workflow the step belongs to",
                                            at: nil, hint: "name it first: tacet explain WORKFLOW PATH... --step \(id)")])
                }
                let explanation = try Explainer.explain(step: id, of: named, in: workspace, today: today)
                return ToolOutcome(output: text(explanation), sources: workspace.sources, status: .ok)
            case .task(let id):
                let explanation = try Explainer.explain(task: id, of: named, policy: policy, in: workspace)
                return ToolOutcome(output: text(explanation), sources: workspace.sources, status: .ok)
            }
        } catch {
            return .invalid(error.diagnostics, sources: workspace.sources)
        }
    }


    static func text(_ explanation: StepExplanation) -> String {
        let step = explanation.step
        let policy = explanation.policy
        var out = "Step '\(step.id)' of workflow '\(explanation.document.name)' (\(explanation.document.location(of: step.pointer).description))\n"
        out += "Policy '\(policy.name)', layers: \(policy.layers.map(\.name).joined(separator: " -> "))\n"
        if let task = policy.tasks[step.task] {
            out += "Task '\(task.value.id)': \(task.value.title); at most \(task.value.maxAI.rawValue); "
                + "stated in \(task.document.location(of: task.value.pointer).description)\n"
        } else {
            out += "Task '\(step.task)' is not classified by the policy\n"
        }
        out += "\nFacts read:\n"
        for (fact, value) in explanation.facts { out += "  \(fact.rawValue) = \(value)\n" }
        out += "\nRequirements:\n"
        for line in explanation.requirements {
            out += "  \(line.verdict.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)) \(line.requirement.id): "
                + (line.verdict == .notChecked ? "not checked: " : "") + line.reason
            if let exception = line.suppressedBy { out += " (suppressed by exception '\(exception)')" }
            out += "\n"
        }
        out += "\nRules:\n"
        for line in explanation.rules {
            let rule = line.rule
            out += "  \(line.verdict == .failed ? "FIRES" : "quiet") \(rule.id) (\(rule.rule.severity.rawValue)), "
                + "\(rule.document.location(of: rule.rule.pointer).description)\n"
            for trace in line.trace { out += "        \(trace)\n" }
        }
        return out
    }

    static func text(_ explanation: TaskExplanation) -> String {
        let task = explanation.task.value
        var out = "Task '\(task.id)': \(task.title)\n"
        out += "Policy '\(explanation.policy.name)', layers: \(explanation.policy.layers.map(\.name).joined(separator: " -> "))\n\n"
        for (layer, stated) in explanation.layers {
            out += "As stated by \(layer.name) (\(layer.location(of: stated.pointer).description)):\n"
            out += "  area \(stated.area); at most \(stated.maxAI.rawValue); \(stated.clinical ? "clinical" : "not clinical")\n"
            if let review = stated.requires.review {
                out += "  review by \(review.role) at \(review.minLevel.rawValue) or above in \(review.area ?? stated.area)\n"
            }
            if stated.requires.consent { out += "  client consent recorded\n" }
            if stated.requires.disclosure { out += "  disclosure in the record\n" }
            if let data = stated.requires.data { out += "  data to AI: \(data.map(\.rawValue).joined(separator: ", "))\n" }
            if !stated.requires.training.isEmpty {
                out += "  training the performer holds current: \(stated.requires.training.joined(separator: ", "))\n"
            }
            if let rationale = stated.rationale { out += "  why: \(rationale)\n" }
            if !stated.cite.isEmpty { out += "  cites: \(stated.cite.joined(separator: ", "))\n" }
        }
        out += "\nRules:\n"
        for (rule, relation) in explanation.rules { out += "  \(rule.id) (\(rule.rule.severity.rawValue)): \(relation)\n" }
        if let (workflow, steps) = explanation.workflow {
            out += "\nSteps of '\(workflow.name)' performing it: " + (steps.isEmpty ? "none" : steps.joined(separator: ", ")) + "\n"
        }
        return out
    }
}
