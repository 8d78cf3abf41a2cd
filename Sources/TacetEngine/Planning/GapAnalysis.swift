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
        gaps(of: therapist, steps: AIStep.steps(in: documents, policies: resolved))
    }

    /// The gaps of `therapist`, by area name, given the workflow steps that use AI (``AIStep``).
    public static func gaps(of therapist: Therapist, steps: [AIStep]) -> [Gap] {
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
        for step in steps where step.reviewer == therapist.id {
            let task = step.task
            guard let review = task.requires.review else { continue }
            let area = review.area ?? task.area
            need(area, review.minLevel, "to review step '\(step.step)' of workflow '\(step.workflow)' "
                 + "(\(task.id)) you need \(area) at \(review.minLevel.rawValue)")
        }
        return gaps.values.sorted { $0.area < $1.area }
    }

    /// The training `therapist` must hold, current, for the workflow steps they perform with AI,
    /// by course id.
    public static func trainings(of therapist: Therapist, in documents: [LoadedDocument],
                                 policies resolved: [String: ResolvedPolicy]? = nil) -> [TrainingNeed] {
        trainings(of: therapist, steps: AIStep.steps(in: documents, policies: resolved))
    }

    /// The training `therapist` must hold for the workflow steps that use AI (``AIStep``) they perform.
    public static func trainings(of therapist: Therapist, steps: [AIStep]) -> [TrainingNeed] {
        var needs: [String: TrainingNeed] = [:]
        for step in steps where step.performer == therapist.id {
            for course in step.task.requires.training {
                needs[course, default: TrainingNeed(course: course, reasons: [])].reasons
                    .append("to perform step '\(step.step)' of workflow '\(step.workflow)' (\(step.task.id)) with AI")
            }
        }
        return needs.values.sorted { $0.course < $1.course }
    }
}
