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
        return explain(step: index, of: document, workflow, policy: policy, roster: roster, today: today,
                       exceptions: workspace.documents.filter { $0.kind == .exception })
    }

    /// Explains the step at `index` from what the checker reports while it checks the step: the facts
    /// it resolved, what each requirement decided or why it was not checked, and each rule's outcome,
    /// with the rule's condition evaluated on those facts line by line.
    static func explain(step index: Int, of document: LoadedDocument, _ workflow: Workflow, policy: ResolvedPolicy,
                        roster: Roster, today: CalendarDate, exceptions: [LoadedDocument]) -> StepExplanation {
        let step = workflow.steps[index]
        var recording = StepRecording()
        let findings = WorkflowChecker(policy: policy, roster: roster, today: today)
            .check(step: index, of: document, workflow, observer: &recording)
        // Only this step's findings matter: apply the exceptions to them rather than check everything.
        let applier = ExceptionApplier(workflows: [workflow.metadata.name: CheckedDocument(document, outline: false, steps: true)], policies: [policy],
                                       pluginRules: nil, today: today)
        let suppressed = applier.apply(exceptions, to: findings).suppressed
        let requirements = Requirement.allCases.map { requirement -> StepExplanation.RequirementLine in
            if let finding = findings.first(where: { $0.code == requirement.id }) {
                let by = suppressed.first { $0.finding.code == requirement.id && $0.finding.pointer == finding.pointer }
                return .init(requirement: requirement, verdict: .failed, reason: finding.message, suppressedBy: by?.exception)
            }
            if recording.checked.contains(requirement) {
                return .init(requirement: requirement, verdict: .passed, reason: requirement.summary)
            }
            // Never a pass for what the checker did not consult, even should it fail to say why.
            return .init(requirement: requirement, verdict: .notChecked,
                         reason: recording.notChecked[requirement] ?? "the checker did not consult it")
        }
        let rules = policy.rules.indices.map { index -> StepExplanation.RuleLine in
            let decision = recording.rules[index]
            var trace: [String] = []
            let settled = "settled\(policy.tasks[step.task] == nil ? "" : " for task '\(step.task)'") before any step was checked"
            switch decision {
            case nil: trace.append("\(settled): it cannot hold")
            case (_, false)?: trace.append("\(settled): it holds on every step")
            default: break
            }
            // The whole condition on the checker's facts, which the checker's outcome agrees with (a
            // property test holds them to it), shows every fact the rule reads.
            var because: [String] = []
            if let context = recording.context {
                _ = policy.rules[index].condition.explain(context, into: &trace)
                because = ConditionReason.clauses(policy.rules[index].condition, context)
            }
            let rule = policy.rules[index]
            let by = decision?.fired == true ? suppressed.first { $0.finding.code == rule.id }?.exception : nil
            return .init(rule: rule, verdict: decision?.fired == true ? .failed : .passed, trace: trace, because: because,
                         suppressedBy: by)
        }
        let facts = recording.context.map { context in Fact.allCases.map { ($0, context.value($0)) } } ?? []
        return StepExplanation(document: document, step: step, policy: policy, facts: facts, requirements: requirements,
                               rules: rules)
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
        case .success(let policy): return (document, workflow, policy, Roster(workspace.documents, unloaded: workspace.unloaded))
        }
    }

    /// Explains task `taskID` of the policy the workflow named `workflowName` is checked against or,
    /// without a workflow, of the policy named `policyName` or else the only policy no other extends.
    public static func explain(task taskID: String, of workflowName: String?, policy policyName: String? = nil,
                               in workspace: Workspace) throws(DiagnosticError) -> TaskExplanation {
        let policy: ResolvedPolicy
        var subject: (document: LoadedDocument, workflow: Workflow)?
        if let workflowName {
            let (document, workflow, chosen, _) = try resolve(workflowName, in: workspace)
            (policy, subject) = (chosen, (document, workflow))
        } else {
            policy = try resolve(policy: policyName, in: workspace)
        }
        guard let task = policy.tasks[taskID] else {
            throw DiagnosticError(.error(ExplainErrorCode.unknownTask, "policy '\(policy.name)' does not classify task '\(taskID)'",
                                         at: nil, hint: Suggestion.closest(to: taskID, in: policy.taskOrder).map { "did you mean '\($0)'?" }))
        }
        var layers: [TaskExplanation.Layer] = []
        var inForce: PolicyTask?
        var setBy: [TaskField: LoadedDocument] = [:]
        for layer in policy.layers {
            guard case .policy(let value) = layer.document, let stated = value.tasks.first(where: { $0.id == taskID }),
                  let task = stated.task(over: inForce) else { continue }
            // Citations add up, so the base's are inherited even by a layer that cites.
            let inherited = TaskField.allCases.compactMap { field in
                stated.fields.contains(field) && field != .cite ? nil : setBy[field].map { (field: field, from: $0) }
            }
            layers.append(TaskExplanation.Layer(document: layer, stated: stated, task: task, before: inForce, inherited: inherited))
            for field in stated.fields { setBy[field] = layer }
            inForce = task
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
        let workflow = subject.map { ($0.document, $0.workflow.steps.filter { $0.task == taskID }.map(\.id)) }
        return TaskExplanation(task: task, policy: policy, layers: layers, rules: rules, workflow: workflow)
    }

    /// The policy named `name`, or the only one no other extends when no name is given.
    static func resolve(policy name: String?, in workspace: Workspace) throws(DiagnosticError) -> ResolvedPolicy {
        let (policies, diagnostics) = PolicyResolver.resolve(workspace.documents)
        let policy: ResolvedPolicy
        switch PolicyChoice(policies).pick(name) {
        case .success(let chosen):
            policy = chosen
        case .failure(.unknown(let name)):
            throw DiagnosticError(.error(PolicyErrorCode.noPolicy, "no policy named '\(name)' among the documents loaded", at: nil,
                                         hint: Suggestion.closest(to: name, in: Array(policies.keys)).map { "did you mean '\($0)'?" }))
        case .failure(.none):
            throw DiagnosticError(.error(PolicyErrorCode.noPolicy, "no Policy document among the documents loaded", at: nil,
                                         hint: "pass the folder holding the policy"))
        case .failure(.several(let names)):
            throw DiagnosticError(.error(PolicyErrorCode.noPolicy,
                                         "several policies could apply (\(names.joined(separator: ", "))): name one with --policy, or a workflow",
                                         at: nil))
        }
        guard !policy.hasErrors else {
            throw DiagnosticError(diagnostics.filter { $0.severity == .error }
                + [.error(PolicyErrorCode.policyInvalid, "policy '\(policy.name)' has errors (reported above)", at: nil)])
        }
        return policy
    }
}
