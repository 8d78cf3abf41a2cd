import TacetDocuments

extension StepContext {
    /// The value of a workflow fact about who consents and the session format.
    static func consentFact(_ fact: Fact, of workflow: Workflow) -> FactValue {
        switch fact {
        case .workflowAgeBand: workflow.ageBand.map { .string($0.rawValue) } ?? .missing
        case .workflowSelfConsent: workflow.selfConsent.map(FactValue.bool) ?? .missing
        case .workflowFormat: .string(workflow.format.rawValue)
        default: .missing
        }
    }

    /// The value of a step fact about who consents, the session recording, or group members.
    static func consentFact(_ fact: Fact, of step: WorkflowStep) -> FactValue {
        switch fact {
        case .stepConsentBy: step.consentBy.map { .keywords(Keywords($0, of: fact)) } ?? .missing
        case .stepAssent: step.assent.map(FactValue.bool) ?? .missing
        case .stepGroupConsent: step.groupConsent.map(FactValue.bool) ?? .missing
        case .stepMemberData: step.memberData.map { .string($0.rawValue) } ?? .missing
        case .stepRecordingMedia: step.recording.map { .keywords(Keywords($0.media, of: fact)) } ?? .missing
        case .stepRecordingConsent: step.recording?.consent.map(FactValue.bool) ?? .missing
        case .stepRecordingRetention: step.recording?.retentionDays.map(FactValue.number) ?? .missing
        case .stepRecordingAnalysis: step.recording?.analysis.map { .keywords(Keywords($0, of: fact)) } ?? .missing
        default: .missing
        }
    }
}
