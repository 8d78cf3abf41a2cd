extension Fact {
    /// The fact as the subject of a sentence: "the workflow's population".
    var noun: String {
        switch self {
        case .stepID: "the step's id"
        case .stepTask: "the step's task"
        case .stepAI: "the step's AI level"
        case .stepTool: "the step's tool"
        case .stepData: "the data the step sends"
        case .stepPerformer: "the step's performer"
        case .stepReviewer: "the step's reviewer"
        case .stepConsent: "the client's consent"
        case .stepDisclosure: "the disclosure of AI involvement"
        case .stepDescription: "the step's description"
        case .workflowName: "the workflow's name"
        case .workflowTeam: "the workflow's team"
        case .workflowSetting: "the workflow's setting"
        case .workflowPopulation: "the workflow's population"
        case .taskID: "the task"
        case .taskArea: "the task's area"
        case .taskMaxAI: "the task's highest AI level"
        case .taskClinical: "whether the task is clinical"
        case .taskReview: "the task's review requirement"
        case .taskReviewRole: "the reviewer role the task requires"
        case .taskReviewMinLevel: "the lowest reviewer level the task accepts"
        case .taskConsent: "the task's consent requirement"
        case .taskDisclosure: "the task's disclosure requirement"
        case .toolID: "the tool"
        case .toolApproved: "the tool's approval"
        case .toolBAA: "the tool's business associate agreement"
        case .toolData: "the data the tool may receive"
        case .performerID: "the performer"
        case .performerRole: "the performer's role"
        case .performerLevel: "the performer's level in the task's area"
        case .performerCredential: "the performer's credential"
        case .reviewerID: "the reviewer"
        case .reviewerRole: "the reviewer's role"
        case .reviewerLevel: "the reviewer's level in the review area"
        case .reviewerCredential: "the reviewer's credential"
        case .performerSupervised: "whether the performer is supervised"
        case .reviewerSupervisor: "whether the reviewer is a supervisor"
        case .reviewerSupervised: "whether the reviewer is supervised"
        case .performerCredentialRecognised: "whether the performer's credentials are recognised"
        case .reviewerCredentialRecognised: "whether the reviewer's credentials are recognised"
        case .toolTrainsOnClientData: "whether the tool's vendor trains on client data"
        case .toolRetention: "the tool's retention"
        case .toolDeletion: "the tool's deletion terms"
        case .toolDataLocation: "where the tool's vendor holds the data"
        default: consentNoun
        }
    }

    /// What a true and a false value of a yes-or-no fact say, as whole clauses; nil for other facts.
    var yesNo: (yes: String, no: String)? {
        switch self {
        case .stepConsent: ("the step records the client's consent", "the step does not record the client's consent")
        case .stepDisclosure: ("the step records that AI involvement is disclosed", "the step does not record that AI involvement is disclosed")
        case .taskClinical: ("the task is clinical", "the task is not clinical")
        case .taskReview: ("the task requires review", "the task does not require review")
        case .taskConsent: ("the task requires the client's consent", "the task does not require the client's consent")
        case .taskDisclosure: ("the task requires disclosure of AI involvement", "the task does not require disclosure of AI involvement")
        case .toolApproved: ("the tool is approved", "the tool is not approved")
        case .toolBAA: ("a business associate agreement covers the tool", "no business associate agreement covers the tool")
        case .performerSupervised: ("the performer's role is one a supervisor oversees", "the performer's role is not one a supervisor oversees")
        case .reviewerSupervisor: ("the reviewer is a supervisor", "the reviewer is not a supervisor")
        case .reviewerSupervised: ("the reviewer's role is one a supervisor oversees", "the reviewer's role is not one a supervisor oversees")
        case .performerCredentialRecognised: ("the performer holds a credential the policy recognises", "the performer holds no credential the policy recognises")
        case .reviewerCredentialRecognised: ("the reviewer holds a credential the policy recognises", "the reviewer holds no credential the policy recognises")
        case .toolTrainsOnClientData: ("the tool's vendor trains on client data", "the tool's vendor does not train on client data")
        default: consentYesNo
        }
    }

    /// What an absent value says: why the step has no such fact.
    var absent: String {
        switch self {
        case .stepTool, .toolID: "the step names no tool"
        case .stepReviewer, .reviewerID: "the step names no reviewer"
        case .taskID: "the policy does not classify the step's task"
        case .toolApproved, .toolBAA, .toolData: "the step names no approved tool"
        case .reviewerRole, .reviewerLevel: "the step names no reviewer in the roster"
        case .reviewerCredential: "the step names no reviewer in the roster, or the reviewer's profile states no credential"
        case .performerRole, .performerLevel: "the performer is not in the roster or has no level there"
        case .performerCredential: "the performer is not in the roster, or their profile states no credential (an intern, a student)"
        case .stepRecordingMedia: "the step records no session"
        case .stepRecordingRetention: "the step states no retention period for a recording"
        case .stepRecordingAnalysis: "the step states no analysis of a recording"
        case .performerSupervised: "the performer is not in the roster"
        case .reviewerSupervisor, .reviewerSupervised: "the step names no reviewer in the roster"
        case .performerCredentialRecognised, .reviewerCredentialRecognised:
            "the policy recognises no credentials, or the person is not in the roster"
        case .toolTrainsOnClientData, .toolRetention, .toolDeletion, .toolDataLocation:
            "the step names no approved tool, or the policy records no such terms for it"
        default: "\(noun) is not stated"
        }
    }
}
