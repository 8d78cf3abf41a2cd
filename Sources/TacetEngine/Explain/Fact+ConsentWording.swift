extension Fact {
    /// ``noun`` for the facts about who consents, recordings and groups.
    var consentNoun: String {
        switch self {
        case .workflowAgeBand: "the workflow's age band"
        case .workflowSelfConsent: "whether the clients may consent for themselves"
        case .workflowFormat: "the workflow's session format"
        case .stepConsentBy: "those who gave consent"
        case .stepAssent: "the client's assent"
        case .stepGroupConsent: "every group member's consent"
        case .stepMemberData: "whose data the step sends"
        case .stepRecordingMedia: "the recording's media"
        case .stepRecordingConsent: "the client's consent to the recording"
        case .stepRecordingRetention: "the recording's retention in days"
        case .stepRecordingAnalysis: "the recording's analyses"
        default: rawValue
        }
    }

    /// ``yesNo`` for the yes-or-no facts about who consents, recordings and groups.
    var consentYesNo: (yes: String, no: String)? {
        switch self {
        case .workflowSelfConsent: ("the clients may consent for themselves", "the clients may not consent for themselves")
        case .stepAssent: ("the step records the client's assent", "the step does not record the client's assent")
        case .stepGroupConsent: ("the step records every group member's consent", "the step does not record every group member's consent")
        case .stepRecordingConsent: ("the step records the client's consent to the recording", "the step does not record the client's consent to the recording")
        default: nil
        }
    }
}
