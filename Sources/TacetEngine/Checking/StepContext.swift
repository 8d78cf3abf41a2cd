import TacetDocuments

/// One workflow step with everything it refers to resolved: the facts rules are evaluated on.
public struct StepContext: Sendable, FactSource {
    /// The workflow.
    public let workflow: Workflow
    /// The step.
    public let step: WorkflowStep
    /// The policy task, when the step's task is known.
    public let task: PolicyTask?
    /// The tool, when the step names an approved one.
    public let tool: ApprovedTool?
    /// The performer, when in the roster.
    public let performer: Therapist?
    /// The reviewer, when named and in the roster.
    public let reviewer: Therapist?
    /// What the policy says about trainees and credentials.
    public let people: PeoplePolicy

    /// Resolves `step` of `workflow` against `policy` and `roster`.
    public init(workflow: Workflow, step: WorkflowStep, policy: ResolvedPolicy, roster: Roster) {
        self.init(workflow: workflow, step: step, task: policy.tasks[step.task]?.value,
                  tool: step.tool.flatMap { policy.tools[$0]?.value }, performer: roster.therapists[step.performer],
                  reviewer: step.reviewer.flatMap { roster.therapists[$0] }, people: PeoplePolicy(policy))
    }

    /// A context from what the step's names were already looked up to.
    init(workflow: Workflow, step: WorkflowStep, task: PolicyTask?, tool: ApprovedTool?, performer: Therapist?,
         reviewer: Therapist?, people: PeoplePolicy = PeoplePolicy()) {
        self.people = people
        self.workflow = workflow
        self.step = step
        self.task = task
        self.tool = tool
        self.performer = performer
        self.reviewer = reviewer
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
