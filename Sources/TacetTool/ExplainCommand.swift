import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetReports
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
    ///
    /// A step is explained in sentences; with `trace`, as the checker's trace: every fact it read and
    /// each rule's condition evaluated part by part.
    package static func run(workflow: String?, subject: Subject, paths: [String], policy: String? = nil, today: CalendarDate,
                            trace: Bool = false, limits: YAMLLimits = .default) -> ToolOutcome {
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
                return ToolOutcome(output: DisplayText.escapedLines(trace ? traceText(explanation) : text(explanation)), sources: workspace.sources, status: .ok)
            case .task(let id):
                let explanation = try Explainer.explain(task: id, of: named, policy: policy, in: workspace)
                return ToolOutcome(output: DisplayText.escapedLines(text(explanation)), sources: workspace.sources, status: .ok)
            }
        } catch {
            return .invalid(error.diagnostics, sources: workspace.sources)
        }
    }


    /// The step's explanation in sentences, for people: what each requirement and rule decided, and why.
    static func text(_ explanation: StepExplanation) -> String {
        let step = explanation.step
        let policy = explanation.policy
        var out = "Step '\(step.id)' of workflow '\(explanation.document.name)' (\(explanation.document.location(of: step.pointer).description)).\n"
        out += "It is checked against policy '\(policy.name)'"
            + (policy.layers.count > 1 ? " (\(policy.layers.map(\.name).joined(separator: ", then ")))" : "") + ".\n"
        if let task = policy.tasks[step.task] {
            out += "Its task, '\(task.value.id)' (\(task.value.title)), allows AI up to \(task.value.maxAI.rawValue) "
                + "(\(task.document.location(of: task.value.pointer).description)).\n"
        } else {
            out += "The policy does not classify its task, '\(step.task)': what depends on the task is not checked.\n"
        }
        out += "\nWhat the policy requires of every step:\n"
        for line in explanation.requirements {
            switch line.verdict {
            case .passed: out += "  Met: \(line.reason).\n"
            case .failed: out += "  Not met: \(line.reason).\(excepted(line.suppressedBy))\n"
            case .notChecked: out += "  Not checked because \(line.reason): \(line.requirement.summary).\n"
            }
        }
        out += "\nThe policy's rules:\n"
        for line in explanation.rules {
            let rule = line.rule
            let because = line.because.isEmpty ? "" : ", because " + Wording.series(line.because)
            if line.verdict == .failed {
                out += "  Rule '\(rule.id)' applies (\(rule.rule.severity.rawValue))\(because). It says: \(rule.rule.message)"
                    + "\(excepted(line.suppressedBy))\n"
            } else {
                out += "  Rule '\(rule.id)' does not apply\(because).\n"
            }
        }
        out += "\nChecker plugins do not run in explain: tacet check shows their findings.\n"
        out += "Add --trace for every fact read and each rule's condition evaluated part by part.\n"
        return out
    }

    /// What an exception does to a finding, as a sentence that follows it.
    private static func excepted(_ exception: String?) -> String {
        exception.map { " Exception '\($0)' allows it for now, so check lists it apart." } ?? ""
    }

    /// The step's explanation as the checker's trace (`--trace`): the facts read, each requirement's
    /// verdict, and each rule's condition evaluated part by part.
    static func traceText(_ explanation: StepExplanation) -> String {
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
        for (index, layer) in explanation.layers.enumerated() {
            out += "As stated by \(layer.document.name) (\(layer.document.location(of: layer.stated.pointer).description)):\n"
            out += stated(layer, first: index == 0)
        }
        out += "\nRules:\n"
        for (rule, relation) in explanation.rules { out += "  \(rule.id) (\(rule.rule.severity.rawValue)): \(relation)\n" }
        if let (workflow, steps) = explanation.workflow {
            out += "\nSteps of '\(workflow.name)' performing it: " + (steps.isEmpty ? "none" : steps.joined(separator: ", ")) + "\n"
        }
        return out
    }

    /// The lines of one layer's block: the base's whole task; for a layer over it, the fields the layer
    /// states (with their values in force after it), then what it inherits and from where.
    static func stated(_ layer: TaskExplanation.Layer, first: Bool) -> String {
        let (task, requires, fields) = (layer.task, layer.task.requires, Set(layer.stated.fields))
        func shows(_ field: TaskField) -> Bool { first || fields.contains(field) }
        var out = ""
        if !first, fields.contains(.title) { out += "  title: \(task.title)\n" }
        let heading = [(TaskField.area, "area \(task.area)"), (.maxAI, "at most \(task.maxAI.rawValue)"),
                       (.clinical, task.clinical ? "clinical" : "not clinical")].compactMap { shows($0) ? $1 : nil }
        if !heading.isEmpty { out += "  " + heading.joined(separator: "; ") + "\n" }
        if let review = requires.review, first || !fields.isDisjoint(with: TaskField.review) {
            out += "  review by \(review.role) at \(review.minLevel.rawValue) or above in \(review.area ?? task.area)\n"
        } else if layer.stated.removesReview {
            out += "  no review\n"
        }
        // A requirement that is off shows only where a document writes it off.
        if requires.consent ? shows(.consent) : fields.contains(.consent) {
            out += requires.consent ? "  client consent recorded\n" : "  no client consent required\n"
        }
        if requires.disclosure ? shows(.disclosure) : fields.contains(.disclosure) {
            out += requires.disclosure ? "  disclosure in the record\n" : "  no disclosure required\n"
        }
        if let data = requires.data, shows(.data) { out += "  data to AI: \(data.map(\.rawValue).joined(separator: ", "))\n" }
        if requires.training.isEmpty ? fields.contains(.training) : shows(.training) {
            out += "  training the performer holds current: \(requires.training.isEmpty ? "none" : requires.training.joined(separator: ", "))\n"
        }
        if let rationale = task.rationale, shows(.rationale) { out += "  why: \(rationale)\n" }
        if !first, let classifies = layer.stated.classifies { out += "  classifies: \(classifies.joined(separator: ", "))\n" }
        let added = (layer.stated.cite ?? []).filter { !(layer.before?.cite ?? []).contains($0) }
        if !added.isEmpty { out += "  cites\(first ? "" : ", added to those inherited"): \(added.joined(separator: ", "))\n" }
        // One line per layer inherited from, in layer order; a review inherited whole is named once.
        var sources: [(LoadedDocument, [TaskField])] = []
        for (field, from) in layer.inherited {
            if let index = sources.firstIndex(where: { $0.0.file == from.file }) {
                sources[index].1.append(field)
            } else {
                sources.append((from, [field]))
            }
        }
        for (from, inherited) in sources {
            var names = inherited.map(\.rawValue)
            if fields.isDisjoint(with: TaskField.review), let at = names.firstIndex(of: TaskField.reviewRole.rawValue) {
                names.removeAll { name in TaskField.review.contains { $0.rawValue == name } }
                names.insert("review", at: at)
            }
            out += "  inherited from \(from.name): \(names.joined(separator: ", "))\n"
        }
        return out
    }
}
