import TacetDiagnostics
import TacetDocuments

/// `tacet explain` as a library call.
public enum Explainer {
    /// Explains `stepID` of the workflow named `workflowName` in `workspace`.
    public static func explain(step stepID: String, of workflowName: String, in workspace: Workspace,
                               today: CalendarDate) throws(DiagnosticError) -> StepExplanation {
        let (document, workflow, policy, roster) = try resolve(workflowName, in: workspace)
        guard let index = workflow.steps.firstIndex(where: { $0.id == stepID }) else {
            throw DiagnosticError(.error(ExplainErrorCode.unknownStep, "workflow '\(workflowName)' has no step '\(stepID)'",
                                         at: document.location(of: "/steps"), pointer: "/steps",
                                         hint: Suggestion.closest(to: stepID, in: workflow.steps.map(\.id)).map { "did you mean '\($0)'?" }
                                            ?? "its steps: \(workflow.steps.map(\.id).joined(separator: ", "))"))
        }
        let step = workflow.steps[index]
        let context = StepContext(workflow: workflow, step: step, policy: policy, roster: roster)
        let findings = WorkflowChecker(policy: policy, roster: roster, today: today).check(step: index, of: document, workflow)
        // Only this step's findings matter: apply the exceptions to them rather than check everything.
        let knownRules = Set(Requirement.allCases.map(\.rawValue)).union(policy.rules.map(\.id))
        let applier = ExceptionApplier(workflows: [workflow.metadata.name: (document, workflow)], knownRules: knownRules, pluginsRan: false, today: today)
        let suppressed = applier.apply(workspace.documents.filter { $0.kind == .exception }, to: findings).suppressed
        let requirements = Requirement.allCases.map { requirement -> StepExplanation.RequirementLine in
            if let finding = findings.first(where: { $0.code == requirement.rawValue }) {
                let by = suppressed.first { $0.finding.code == requirement.rawValue && $0.finding.pointer == finding.pointer }
                return .init(requirement: requirement, verdict: .failed, reason: finding.message, suppressedBy: by?.exception)
            }
            if let reason = notApplicable(requirement, context) {
                return .init(requirement: requirement, verdict: .notApplicable, reason: reason)
            }
            return .init(requirement: requirement, verdict: .passed, reason: requirement.summary)
        }
        let rules = policy.rules.map { rule -> StepExplanation.RuleLine in
            var trace: [String] = []
            let fired = rule.condition.explain(context, into: &trace)
            return .init(rule: rule, verdict: fired ? .failed : .passed, trace: trace)
        }
        let facts = Fact.allCases.map { ($0, context.value($0)) }
        return StepExplanation(document: document, step: step, policy: policy, facts: facts, requirements: requirements,
                               rules: rules)
    }

    /// Why `requirement` is not consulted for the step, or nil when it is.
    static func notApplicable(_ requirement: Requirement, _ context: StepContext) -> String? {
        let step = context.step
        let usesAI = step.ai > .humanOnly
        switch requirement {
        case .knownTask, .knownPerson: return nil
        case .aiLevel: return context.task == nil ? "the task is unknown" : nil
        case .toolNamed, .toolApproved, .toolData, .phiBAA:
            if !usesAI { return "the step uses no AI" }
            if requirement != .toolNamed && step.tool == nil { return "the step names no tool" }
            if requirement == .toolData || requirement == .phiBAA, context.tool == nil { return "the tool is not approved" }
            if requirement == .phiBAA && !step.data.contains(.phi) { return "the step sends no PHI" }
            return nil
        case .taskData:
            if !usesAI { return "the step uses no AI" }
            guard let task = context.task else { return "the task is unknown" }
            return task.requires.data == nil ? "the task does not restrict data classes" : nil
        case .review, .reviewIndependent, .reviewRole, .reviewLevel:
            if !usesAI { return "the step uses no AI" }
            guard let task = context.task else { return "the task is unknown" }
            guard task.requires.review != nil else { return "the task does not require review" }
            if requirement != .review && step.reviewer == nil { return "no reviewer is named" }
            if (requirement == .reviewRole || requirement == .reviewLevel) && context.reviewer == nil { return "the reviewer is not in the roster" }
            return nil
        case .consent, .disclosure:
            if !usesAI { return "the step uses no AI" }
            guard let task = context.task else { return "the task is unknown" }
            let required = requirement == .consent ? task.requires.consent : task.requires.disclosure
            return required ? nil : "the task does not require it"
        case .training:
            if !usesAI { return "the step uses no AI" }
            guard let task = context.task else { return "the task is unknown" }
            if task.requires.training.isEmpty { return "the task requires no training" }
            return context.performer == nil ? "the performer is not in the roster" : nil
        }
    }

    /// The workflow named `name` (or whose file is `name`), its policy and the roster.
    static func resolve(_ name: String, in workspace: Workspace) throws(DiagnosticError)
        -> (LoadedDocument, Workflow, ResolvedPolicy, Roster) {
        let workflows = workspace.documents.compactMap { document -> (LoadedDocument, Workflow)? in
            if case .workflow(let workflow) = document.document { return (document, workflow) }
            return nil
        }
        guard let (document, workflow) = workflows.first(where: { $0.1.metadata.name == name || $0.0.file == name }) else {
            throw DiagnosticError(.error(ExplainErrorCode.unknownWorkflow, "no workflow named '\(name)' among the documents loaded",
                                         at: nil, hint: Suggestion.closest(to: name, in: workflows.map(\.1.metadata.name))
                                            .map { "did you mean '\($0)'?" } ?? "pass the folders holding the workflow, its policy and roster"))
        }
        let (policies, diagnostics) = PolicyResolver.resolve(workspace.documents)
        switch PolicyChoice(policies).choose(for: document, workflow) {
        case .failure(let error): throw DiagnosticError(diagnostics.filter { $0.severity == .error } + error.diagnostics)
        case .success(let policy): return (document, workflow, policy, Roster(workspace.documents))
        }
    }

    /// Explains task `taskID` of the policy the workflow named `workflowName` is checked against.
    public static func explain(task taskID: String, of workflowName: String,
                               in workspace: Workspace) throws(DiagnosticError) -> TaskExplanation {
        let (document, workflow, policy, _) = try resolve(workflowName, in: workspace)
        guard let task = policy.tasks[taskID] else {
            throw DiagnosticError(.error(ExplainErrorCode.unknownTask, "policy '\(policy.name)' does not classify task '\(taskID)'",
                                         at: nil, hint: Suggestion.closest(to: taskID, in: policy.taskOrder).map { "did you mean '\($0)'?" }))
        }
        let layers = policy.layers.compactMap { layer -> (LoadedDocument, PolicyTask)? in
            guard case .policy(let value) = layer.document, let stated = value.tasks.first(where: { $0.id == taskID }) else { return nil }
            return (layer, stated)
        }
        let fixed = StepContext.taskFacts(task.value).merging([.stepTask: .string(taskID)]) { $1 }
        let analysis = ConditionAnalysis(fixed: fixed)
        let rules = policy.rules.map { rule -> (ResolvedRule, String) in
            switch (analysis.canHold(rule.condition), analysis.alwaysHolds(rule.condition)) {
            case (false?, _): return (rule, "never applies to this task")
            case (_, true?): return (rule, "fires on every step of this task")
            default: return (rule, "may fire, depending on the step")
            }
        }
        let steps = workflow.steps.filter { $0.task == taskID }.map(\.id)
        return TaskExplanation(task: task, policy: policy, layers: layers, rules: rules, workflow: document, steps: steps)
    }
}
