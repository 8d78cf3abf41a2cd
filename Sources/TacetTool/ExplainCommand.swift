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

    /// Loads `paths`, then explains `subject` of the workflow named (or stored at) `workflow`.
    package static func run(workflow: String, subject: Subject, paths: [String], today: CalendarDate,
                           limits: YAMLLimits = .default) -> ToolOutcome {
        let isFile = FileManager.default.fileExists(atPath: workflow)
        let workspace = WorkspaceLoader(limits: limits).load(isFile && !paths.contains(workflow) ? [workflow] + paths : paths)
        let loadErrors = workspace.diagnostics.filter { $0.severity == .error }
        guard loadErrors.isEmpty else { return .invalid(workspace.diagnostics, sources: workspace.sources) }
        do {
            switch subject {
            case .step(let id):
                let explanation = try Explainer.explain(step: id, of: workflowName(workflow, workspace), in: workspace, today: today)
                return ToolOutcome(output: text(explanation), sources: workspace.sources, status: .ok)
            case .task(let id):
                let explanation = try Explainer.explain(task: id, of: workflowName(workflow, workspace), in: workspace)
                return ToolOutcome(output: text(explanation), sources: workspace.sources, status: .ok)
            }
        } catch {
            return .invalid(error.diagnostics, sources: workspace.sources)
        }
    }

    /// A workflow file given as WORKFLOW stands for the workflow it holds.
    static func workflowName(_ workflow: String, _ workspace: Workspace) -> String {
        workspace.documents.first { $0.file == workflow && $0.kind == .workflow }?.name ?? workflow
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
        out += "\nSteps of '\(explanation.workflow.name)' performing it: "
            + (explanation.steps.isEmpty ? "none" : explanation.steps.joined(separator: ", ")) + "\n"
        return out
    }
}
