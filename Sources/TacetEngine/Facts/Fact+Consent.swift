import TacetDocuments

extension Fact {
    /// The summary of a fact about who consents, recordings or groups (``summary`` covers the rest).
    var consentSummary: String {
        switch self {
        case .workflowAgeBand: "the ages of the clients the workflow serves: minors, adults or mixed (absent when not stated)"
        case .workflowSelfConsent: "whether the workflow's clients may consent for themselves (absent when not stated)"
        case .workflowFormat: "whether the workflow's sessions serve one client or a group: individual (the default) or group"
        case .stepConsentBy: "who gave the consent the step records: client, guardian or both (absent when not stated)"
        case .stepAssent: "whether the client's own assent is recorded (absent when not stated)"
        case .stepGroupConsent: "whether every group member's consent, or their guardian's, is recorded (absent when not stated)"
        case .stepMemberData: "whose data a group step sends: own (the one client's) or group (absent when not stated)"
        case .stepRecordingMedia: "what the session recording the step sends captures: audio, video (absent when the step records none)"
        case .stepRecordingConsent: "whether the client's consent to the recording itself, apart from AI use, is recorded (absent when not stated)"
        case .stepRecordingRetention: "how many days the recording is kept (absent when not stated)"
        case .stepRecordingAnalysis: "what the tool derives from the recording: transcript, summary, affect, assessment (absent when not stated)"
        default: rawValue
        }
    }

    /// The words a keyword fact (a text or list of keywords) may take; nil for free text and other types.
    public var vocabulary: [String]? {
        switch self {
        case .workflowAgeBand: AgeBand.allCases.map(\.rawValue)
        case .workflowFormat: SessionFormat.allCases.map(\.rawValue)
        case .stepMemberData: MemberData.allCases.map(\.rawValue)
        case .stepConsentBy: ConsentParty.allCases.map(\.rawValue)
        case .stepRecordingMedia: RecordingMedium.allCases.map(\.rawValue)
        case .stepRecordingAnalysis: RecordingAnalysis.allCases.map(\.rawValue)
        default: nil
        }
    }
}
