/// A fact a rule condition may test: one field of the step, its workflow, its task, its tool, its
/// performer or its reviewer. People's levels are read from the roster, never from the workflow.
public enum Fact: String, Sendable, Hashable, CaseIterable {
    /// `step.id`: the step's id.
    case stepID = "step.id"
    /// `step.task`: the task the step performs.
    case stepTask = "step.task"
    /// `step.ai`: how far AI goes in the step.
    case stepAI = "step.ai"
    /// `step.tool`: the AI tool the step uses (absent when none).
    case stepTool = "step.tool"
    /// `step.data`: the data classes the step sends to the tool.
    case stepData = "step.data"
    /// `step.performer`: the roster id of the person who performs the step.
    case stepPerformer = "step.performer"
    /// `step.reviewer`: the roster id of the reviewer (absent when none).
    case stepReviewer = "step.reviewer"
    /// `step.consent`: whether the client's consent to this AI use is recorded (absent when not stated).
    case stepConsent = "step.consent"
    /// `step.disclosure`: whether AI involvement is disclosed in the record (absent when not stated).
    case stepDisclosure = "step.disclosure"
    /// `step.description`: the step's free-text description.
    case stepDescription = "step.description"
    /// `workflow.name`: the workflow's name.
    case workflowName = "workflow.name"
    /// `workflow.team`: the workflow's team.
    case workflowTeam = "workflow.team"
    /// `workflow.setting`: the workflow's setting.
    case workflowSetting = "workflow.setting"
    /// `workflow.population`: the population the workflow serves.
    case workflowPopulation = "workflow.population"
    /// `task.id`: the policy task's id (absent when the task is unknown).
    case taskID = "task.id"
    /// `task.area`: the task's competency area.
    case taskArea = "task.area"
    /// `task.maxAI`: the highest AI level the policy allows for the task.
    case taskMaxAI = "task.maxAI"
    /// `task.clinical`: whether the task involves clinical judgement.
    case taskClinical = "task.clinical"
    /// `task.requires.review`: whether the task requires human review of AI output.
    case taskReview = "task.requires.review"
    /// `task.requires.review.role`: the role the reviewer must have.
    case taskReviewRole = "task.requires.review.role"
    /// `task.requires.review.minLevel`: the lowest level the reviewer may have.
    case taskReviewMinLevel = "task.requires.review.minLevel"
    /// `task.requires.consent`: whether the task requires recorded client consent.
    case taskConsent = "task.requires.consent"
    /// `task.requires.disclosure`: whether the task requires disclosure in the record.
    case taskDisclosure = "task.requires.disclosure"
    /// `tool.id`: the tool's id (absent when the step uses none).
    case toolID = "tool.id"
    /// `tool.approved`: whether the tool is in the policy's approved-tool registry.
    case toolApproved = "tool.approved"
    /// `tool.baa`: whether a business associate agreement covers the tool (absent when it is not approved).
    case toolBAA = "tool.baa"
    /// `tool.data`: the data classes the tool may receive.
    case toolData = "tool.data"
    /// `performer.id`: the performer's roster id.
    case performerID = "performer.id"
    /// `performer.role`: the performer's role, from their Therapist document.
    case performerRole = "performer.role"
    /// `performer.level`: the performer's level in the task's area, from the roster.
    case performerLevel = "performer.level"
    /// `performer.credential`: the performer's credential, e.g. MT-BC.
    case performerCredential = "performer.credential"
    /// `reviewer.id`: the reviewer's roster id.
    case reviewerID = "reviewer.id"
    /// `reviewer.role`: the reviewer's role, from their Therapist document.
    case reviewerRole = "reviewer.role"
    /// `reviewer.level`: the reviewer's level in the review area (the task's area unless the policy names one), from the roster.
    case reviewerLevel = "reviewer.level"
    /// `reviewer.credential`: the reviewer's credential.
    case reviewerCredential = "reviewer.credential"

    // Who consents, recordings and groups (issue 18); their wording is in Fact+Consent.swift.
    /// `workflow.ageBand`: the ages of the clients the workflow serves (absent when not stated).
    case workflowAgeBand = "workflow.ageBand"
    /// `workflow.selfConsent`: whether the workflow's clients may consent for themselves (absent when not stated).
    case workflowSelfConsent = "workflow.selfConsent"
    /// `workflow.format`: whether the workflow's sessions serve one client or a group.
    case workflowFormat = "workflow.format"
    /// `step.consentBy`: who gave the consent the step records.
    case stepConsentBy = "step.consentBy"
    /// `step.assent`: whether the client's own assent is recorded.
    case stepAssent = "step.assent"
    /// `step.groupConsent`: whether every group member's consent is recorded.
    case stepGroupConsent = "step.groupConsent"
    /// `step.memberData`: whose data a group step sends.
    case stepMemberData = "step.memberData"
    /// `step.recording.media`: what the session recording the step sends captures.
    case stepRecordingMedia = "step.recording.media"
    /// `step.recording.consent`: whether the client's consent to the recording itself is recorded.
    case stepRecordingConsent = "step.recording.consent"
    /// `step.recording.retentionDays`: how many days the recording is kept.
    case stepRecordingRetention = "step.recording.retentionDays"
    /// `step.recording.analysis`: what the tool derives from the recording.
    case stepRecordingAnalysis = "step.recording.analysis"
    // Trainees, credentials and vendors (issue 18): what the policy's `supervision`, `credentials` and tools' `terms` say.
    /// `performer.supervised`: whether the performer's role is one the policy's supervision lists (an intern, a student).
    case performerSupervised = "performer.supervised"
    /// `reviewer.supervisor`: whether the reviewer's role is one the policy's supervision lists as a supervisor.
    case reviewerSupervisor = "reviewer.supervisor"
    /// `reviewer.supervised`: whether the reviewer's role is one the policy's supervision lists (an intern, a student).
    case reviewerSupervised = "reviewer.supervised"
    /// `performer.credentialRecognised`: whether the performer holds a credential the policy recognises.
    case performerCredentialRecognised = "performer.credentialRecognised"
    /// `reviewer.credentialRecognised`: whether the reviewer holds a credential the policy recognises.
    case reviewerCredentialRecognised = "reviewer.credentialRecognised"
    /// `tool.trainsOnClientData`: whether the tool's vendor trains its models on the data sent to it.
    case toolTrainsOnClientData = "tool.trainsOnClientData"
    /// `tool.retention`: how long the tool's vendor keeps what is sent, as its terms say.
    case toolRetention = "tool.retention"
    /// `tool.deletion`: how the tool's vendor deletes what is sent, as its terms say.
    case toolDeletion = "tool.deletion"
    /// `tool.dataLocation`: where the tool's vendor holds the data, as its terms say.
    case toolDataLocation = "tool.dataLocation"

    /// The fact's type.
    public var type: FactType {
        switch self {
        case .stepAI, .taskMaxAI: .aiLevel
        case .stepData, .toolData: .dataClasses
        case .stepConsent, .stepDisclosure, .taskClinical, .taskReview, .taskConsent, .taskDisclosure, .toolApproved,
             .toolBAA, .performerSupervised, .reviewerSupervisor, .reviewerSupervised, .performerCredentialRecognised, .reviewerCredentialRecognised,
             .toolTrainsOnClientData: .bool
        case .taskReviewMinLevel, .performerLevel, .reviewerLevel: .competencyLevel
        case .workflowSelfConsent, .stepAssent, .stepGroupConsent, .stepRecordingConsent: .bool
        case .stepConsentBy, .stepRecordingMedia, .stepRecordingAnalysis: .keywords
        case .stepRecordingRetention: .number
        default: .string
        }
    }

    /// What the fact is, for `docs/policy-facts.md` and `tacet explain`.
    public var summary: String {
        switch self {
        case .stepID: "the step's id"
        case .stepTask: "the task the step performs"
        case .stepAI: "how far AI goes in the step"
        case .stepTool: "the AI tool the step uses (absent when none)"
        case .stepData: "the data classes the step sends to the tool"
        case .stepPerformer: "the roster id of the person who performs the step"
        case .stepReviewer: "the roster id of the reviewer (absent when none)"
        case .stepConsent: "whether the client's consent to this AI use is recorded (absent when not stated)"
        case .stepDisclosure: "whether AI involvement is disclosed in the record (absent when not stated)"
        case .stepDescription: "the step's free-text description"
        case .workflowName: "the workflow's name"
        case .workflowTeam: "the workflow's team"
        case .workflowSetting: "the workflow's setting"
        case .workflowPopulation: "the population the workflow serves"
        case .taskID: "the policy task's id (absent when the task is unknown)"
        case .taskArea: "the task's competency area"
        case .taskMaxAI: "the highest AI level the policy allows for the task"
        case .taskClinical: "whether the task involves clinical judgement"
        case .taskReview: "whether the task requires human review of AI output"
        case .taskReviewRole: "the role the reviewer must have"
        case .taskReviewMinLevel: "the lowest level the reviewer may have"
        case .taskConsent: "whether the task requires recorded client consent"
        case .taskDisclosure: "whether the task requires disclosure in the record"
        case .toolID: "the tool's id (absent when the step uses none)"
        case .toolApproved: "whether the tool is in the policy's approved-tool registry"
        case .toolBAA: "whether a business associate agreement covers the tool (absent when it is not approved)"
        case .toolData: "the data classes the tool may receive"
        case .performerID: "the performer's roster id"
        case .performerRole: "the performer's role, from their Therapist document"
        case .performerLevel: "the performer's level in the task's area, from the roster"
        case .performerCredential: "the performer's credential, e.g. MT-BC; absent when their profile states none (an intern, a student)"
        case .reviewerID: "the reviewer's roster id"
        case .reviewerRole: "the reviewer's role, from their Therapist document"
        case .reviewerLevel: "the reviewer's level in the review area (the task's area unless the policy names one), from the roster"
        case .reviewerCredential: "the reviewer's credential; absent when their profile states none"
        case .performerSupervised: "whether the performer's role is one the policy's `supervision` lists, such as an intern or a student (absent when the performer is not in the roster)"
        case .reviewerSupervisor: "whether the reviewer's role is one of the policy's `supervision.supervisors` (absent when no reviewer in the roster is named)"
        case .reviewerSupervised: "whether the reviewer's role is one the policy's `supervision` lists, such as an intern or a student (absent when no reviewer in the roster is named)"
        case .performerCredentialRecognised: "whether the performer holds a credential the policy's `credentials` recognises (absent when the policy recognises none or the performer is not in the roster)"
        case .reviewerCredentialRecognised: "whether the reviewer holds a credential the policy's `credentials` recognises (absent when the policy recognises none or no reviewer in the roster is named)"
        case .toolTrainsOnClientData: "whether the tool's vendor trains its models on the data sent to it (absent when the policy records no terms for the tool)"
        case .toolRetention: "how long the tool's vendor keeps what is sent, in its terms' words (absent when not recorded)"
        case .toolDeletion: "how the tool's vendor deletes what is sent, in its terms' words (absent when not recorded)"
        case .toolDataLocation: "where the tool's vendor holds the data, in its terms' words (absent when not recorded)"
        default: consentSummary
        }
    }

    /// Whether every step has this fact (the step's required fields and the workflow's name).
    public var alwaysPresent: Bool {
        switch self {
        case .stepID, .stepTask, .stepAI, .stepData, .stepPerformer, .workflowName, .performerID, .workflowFormat: true
        default: false
        }
    }

    /// The step field a finding about this fact points at, when the fact is one of the step's own: a
    /// path below the step, `recording/consent` for `step.recording.consent`.
    public var stepField: String? {
        rawValue.hasPrefix("step.") ? rawValue.dropFirst(5).split(separator: ".").joined(separator: "/") : nil
    }
}
