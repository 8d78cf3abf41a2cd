import TacetDocuments
import TacetPlanning

/// Finds a therapist's gaps: areas below their target, and areas below the level the policy
/// requires of a reviewer for the workflow steps they review; and the training the policy requires
/// of the steps they perform.
public enum GapAnalysis {
    /// The gaps of `therapist`, by area name, given the workspace's policies and workflows. Pass the
    /// resolved `policies` when planning many therapists, so they are resolved once.
    public static func gaps(of therapist: Therapist, in documents: [LoadedDocument],
                            policies resolved: [String: ResolvedPolicy]? = nil) -> [Gap] {
        var gaps: [String: Gap] = [:]
        func need(_ area: String, _ level: CompetencyLevel, _ reason: String) {
            let current = therapist.levels[area]
            guard current.map({ $0 < level }) ?? true else { return }
            var gap = gaps[area] ?? Gap(area: area, current: current, required: level, reasons: [])
            gap.required = max(gap.required, level)
            gap.reasons.append(reason)
            gaps[area] = gap
        }
        for (area, level) in therapist.targets.sorted(by: { $0.key < $1.key }) {
            need(area, level, "target: \(area) at \(level.rawValue)")
        }
        for (workflow, step, task) in stepsWithAI(in: documents, policies: resolved) where step.reviewer == therapist.id {
            guard let review = task.requires.review else { continue }
            let area = review.area ?? task.area
            need(area, review.minLevel, "to review step '\(step.id)' of workflow '\(workflow.metadata.name)' "
                 + "(\(task.id)) you need \(area) at \(review.minLevel.rawValue)")
        }
        return gaps.values.sorted { $0.area < $1.area }
    }

    /// The training `therapist` must hold, current, for the workflow steps they perform with AI,
    /// by course id.
    public static func trainings(of therapist: Therapist, in documents: [LoadedDocument],
                                 policies resolved: [String: ResolvedPolicy]? = nil) -> [TrainingNeed] {
        var needs: [String: TrainingNeed] = [:]
        for (workflow, step, task) in stepsWithAI(in: documents, policies: resolved) where step.performer == therapist.id {
            for course in task.requires.training {
                needs[course, default: TrainingNeed(course: course, reasons: [])].reasons
                    .append("to perform step '\(step.id)' of workflow '\(workflow.metadata.name)' (\(task.id)) with AI")
            }
        }
        return needs.values.sorted { $0.course < $1.course }
    }

    /// Every workflow step that uses AI on a task its policy classifies, with that task: what the
    /// policy asks of the people who perform and review it.
    private static func stepsWithAI(in documents: [LoadedDocument], policies resolved: [String: ResolvedPolicy]?)
        -> [(workflow: Workflow, step: WorkflowStep, task: PolicyTask)] {
        let choice = PolicyChoice(resolved ?? PolicyResolver.resolve(documents).policies)
        return documents.flatMap { document -> [(workflow: Workflow, step: WorkflowStep, task: PolicyTask)] in
            guard case .workflow(let workflow) = document.document,
                  case .success(let policy) = choice.choose(for: document, workflow) else { return [] }
            return workflow.steps.compactMap { step in
                guard step.ai > .humanOnly, let task = policy.tasks[step.task]?.value else { return nil }
                return (workflow, step, task)
            }
        }
    }
}
