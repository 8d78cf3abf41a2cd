import TacetDocuments

/// A workflow step that uses AI on a task its policy classifies, with that task: what the policy asks of
/// the people who perform and review it, kept without the rest of the workflow.
public struct AIStep: Sendable {
    /// The workflow's name.
    public var workflow: String
    /// The step's id.
    public var step: String
    /// Who performs it.
    public var performer: String
    /// Who reviews it, if anyone.
    public var reviewer: String?
    /// The task as the policy in force classifies it.
    public var task: PolicyTask

    /// The steps of `workflow` that use AI on a task `policy` classifies, in step order.
    public static func steps(of workflow: Workflow, under policy: ResolvedPolicy) -> [AIStep] {
        workflow.steps.compactMap { step in
            guard step.ai > .humanOnly, let task = policy.tasks[step.task]?.value else { return nil }
            return AIStep(workflow: workflow.metadata.name, step: step.id, performer: step.performer, reviewer: step.reviewer, task: task)
        }
    }

    /// Every such step of the workflows among `documents`, each under the policy that governs it.
    public static func steps(in documents: [LoadedDocument], policies resolved: [String: ResolvedPolicy]?) -> [AIStep] {
        let choice = PolicyChoice(resolved ?? PolicyResolver.resolve(documents).policies)
        return documents.flatMap { document -> [AIStep] in
            guard case .workflow(let workflow) = document.document,
                  case .success(let policy) = choice.choose(for: document, workflow) else { return [] }
            return steps(of: workflow, under: policy)
        }
    }
}
