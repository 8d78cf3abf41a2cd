import TacetDocuments

/// One workflow step with everything it refers to resolved: the facts rules are evaluated on.
public struct StepContext: Sendable, FactSource {
    // Each part is held by reference (``Shared``), and the accessors yield the held values in place: making a
    // context, or reading `context.performer?.role`, copies none of them. `_read` is underscored but deliberate:
    // a plain getter would hand out a copy at every fact read.
    private let heldWorkflow: Shared<Workflow>
    /// The step's index in the workflow's steps.
    private let index: Int
    private let heldTask: Shared<PolicyTask?>
    private let heldTool: Shared<ApprovedTool?>
    private let heldPerformer: Shared<Therapist?>
    private let heldReviewer: Shared<Therapist?>
    private let heldPeople: Shared<PeoplePolicy>

    /// The workflow.
    public var workflow: Workflow { _read { yield heldWorkflow.value } }
    /// The step.
    public var step: WorkflowStep { _read { yield heldWorkflow.value.steps[index] } }
    /// The policy task, when the step's task is known.
    public var task: PolicyTask? { _read { yield heldTask.value } }
    /// The tool, when the step names an approved one.
    public var tool: ApprovedTool? { _read { yield heldTool.value } }
    /// The performer, when in the roster.
    public var performer: Therapist? { _read { yield heldPerformer.value } }
    /// The reviewer, when named and in the roster.
    public var reviewer: Therapist? { _read { yield heldReviewer.value } }
    /// What the policy says about trainees and credentials.
    public var people: PeoplePolicy { _read { yield heldPeople.value } }

    /// Resolves the step at `index` of `workflow` against `policy` and `roster`; `index` must be one of
    /// `workflow.steps.indices` (callers iterate them or look the step up by id).
    public init(workflow: Workflow, step index: Int, policy: ResolvedPolicy, roster: Roster) {
        let step = workflow.steps[index]
        self.init(workflow: Shared(workflow), step: index, task: Shared(policy.tasks[step.task]?.value),
                  tool: Shared(step.tool.flatMap { policy.tools[$0]?.value }), performer: Shared(roster.therapists[step.performer]),
                  reviewer: Shared(step.reviewer.flatMap { roster.therapists[$0] }), people: Shared(PeoplePolicy(policy)))
    }

    /// The context of the step at `index` of `workflow`, from parts the checker holds once for every step.
    init(workflow: Shared<Workflow>, step index: Int, task: Shared<PolicyTask?>, tool: Shared<ApprovedTool?>,
         performer: Shared<Therapist?>, reviewer: Shared<Therapist?>, people: Shared<PeoplePolicy>) {
        heldWorkflow = workflow
        self.index = index
        heldTask = task
        heldTool = tool
        heldPerformer = performer
        heldReviewer = reviewer
        heldPeople = people
    }

    /// The area a review of this step is measured in: the policy's review area, else the task's.
    public var reviewArea: String? { task.map { $0.requires.review?.area ?? $0.area } }

    /// The value of `fact` for this step.
    public func value(_ fact: Fact) -> FactValue {
        switch fact {
        case .stepID: .string(step.id)
        case .stepTask: .string(step.task)
        case .stepAI: .ai(step.ai)
        case .stepTool: step.tool.map(FactValue.string) ?? .missing
        case .stepData: .dataClasses(DataClasses(step.data))
        case .stepPerformer: .string(step.performer)
        case .stepReviewer: step.reviewer.map(FactValue.string) ?? .missing
        case .stepConsent: step.consent.map(FactValue.bool) ?? .missing
        case .stepDisclosure: step.disclosure.map(FactValue.bool) ?? .missing
        case .stepDescription: step.description.map(FactValue.string) ?? .missing
        case .workflowName: .string(workflow.metadata.name)
        case .workflowTeam: workflow.metadata.team.map(FactValue.string) ?? .missing
        case .workflowSetting: workflow.setting.map(FactValue.string) ?? .missing
        case .workflowPopulation: workflow.population.map(FactValue.string) ?? .missing
        case .taskID: task.map { .string($0.id) } ?? .missing
        case .taskArea: task.map { .string($0.area) } ?? .missing
        case .taskMaxAI: task.map { .ai($0.maxAI) } ?? .missing
        case .taskClinical: task.map { .bool($0.clinical) } ?? .missing
        case .taskReview: task.map { .bool($0.requires.review != nil) } ?? .missing
        case .taskReviewRole: task?.requires.review.map { .string($0.role) } ?? .missing
        case .taskReviewMinLevel: task?.requires.review.map { .level($0.minLevel) } ?? .missing
        case .taskConsent: task.map { .bool($0.requires.consent) } ?? .missing
        case .taskDisclosure: task.map { .bool($0.requires.disclosure) } ?? .missing
        case .toolID: step.tool.map(FactValue.string) ?? .missing
        case .toolApproved: step.tool == nil ? .missing : .bool(tool != nil)
        case .toolBAA: tool.map { .bool($0.baa) } ?? .missing
        case .toolData: tool.map { .dataClasses(DataClasses($0.data)) } ?? .missing
        case .performerID: .string(step.performer)
        case .performerRole: performer.map { .string($0.role) } ?? .missing
        case .performerLevel: level(of: performer, in: task?.area)
        case .performerCredential: performer?.credential.map { .string($0.name) } ?? .missing
        case .reviewerID: step.reviewer.map(FactValue.string) ?? .missing
        case .reviewerRole: reviewer.map { .string($0.role) } ?? .missing
        case .reviewerLevel: level(of: reviewer, in: reviewArea)
        case .reviewerCredential: reviewer?.credential.map { .string($0.name) } ?? .missing
        case .workflowAgeBand, .workflowSelfConsent, .workflowFormat: Self.consentFact(fact, of: workflow)
        case .stepConsentBy, .stepAssent, .stepGroupConsent, .stepMemberData, .stepRecordingMedia, .stepRecordingConsent,
             .stepRecordingRetention, .stepRecordingAnalysis: Self.consentFact(fact, of: step)
        case .performerSupervised: performer.map { .bool(people.supervised.contains($0.role)) } ?? .missing
        case .reviewerSupervisor: reviewer.map { .bool(people.supervisors.contains($0.role)) } ?? .missing
        case .reviewerSupervised: reviewer.map { .bool(people.supervised.contains($0.role)) } ?? .missing
        case .performerCredentialRecognised: people.recognition(of: performer)
        case .reviewerCredentialRecognised: people.recognition(of: reviewer)
        case .toolTrainsOnClientData: tool?.terms.map { .bool($0.trainsOnClientData) } ?? .missing
        case .toolRetention: tool?.terms?.retention.map(FactValue.string) ?? .missing
        case .toolDeletion: tool?.terms?.deletion.map(FactValue.string) ?? .missing
        case .toolDataLocation: tool?.terms?.dataLocation.map(FactValue.string) ?? .missing
        }
    }

    /// The facts of the step's task (`task.*`), the same for every step of the task: those ``taskFacts(_:)`` gives.
    public static let taskFacts: Set<Fact> = Set(Fact.allCases.filter { $0.rawValue.hasPrefix("task.") })

    /// The task facts of `task`, for analyses that judge one task at a time.
    public static func taskFacts(_ task: PolicyTask) -> [Fact: FactValue] {
        [
            .taskID: .string(task.id), .taskArea: .string(task.area), .taskMaxAI: .ai(task.maxAI),
            .taskClinical: .bool(task.clinical), .taskReview: .bool(task.requires.review != nil),
            .taskReviewRole: task.requires.review.map { .string($0.role) } ?? .missing,
            .taskReviewMinLevel: task.requires.review.map { .level($0.minLevel) } ?? .missing,
            .taskConsent: .bool(task.requires.consent), .taskDisclosure: .bool(task.requires.disclosure),
        ]
    }

    /// The facts of the workflow itself, the same for each of its steps.
    public static let workflowFacts: Set<Fact> = [.workflowName, .workflowTeam, .workflowSetting, .workflowPopulation,
                                                  .workflowAgeBand, .workflowSelfConsent, .workflowFormat]

    /// The values of ``workflowFacts`` for `workflow`.
    public static func workflowFacts(of workflow: Workflow) -> [Fact: FactValue] {
        [
            .workflowName: .string(workflow.metadata.name),
            .workflowTeam: workflow.metadata.team.map(FactValue.string) ?? .missing,
            .workflowSetting: workflow.setting.map(FactValue.string) ?? .missing,
            .workflowPopulation: workflow.population.map(FactValue.string) ?? .missing,
            .workflowAgeBand: consentFact(.workflowAgeBand, of: workflow),
            .workflowSelfConsent: consentFact(.workflowSelfConsent, of: workflow),
            .workflowFormat: consentFact(.workflowFormat, of: workflow),
        ]
    }

    private func level(of person: Therapist?, in area: String?) -> FactValue {
        guard let person, let area, let level = person.levels[area] else { return .missing }
        return .level(level)
    }
}
