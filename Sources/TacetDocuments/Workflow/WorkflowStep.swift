import TacetYAML

/// One step of a team workflow: who does which task, with how much AI, on what data.
public struct WorkflowStep: Sendable, Hashable, NodeDecodable {
    /// The step's id, unique in its workflow.
    public var id: String
    /// The policy task it performs.
    public var task: String
    /// How far AI goes in this step.
    public var ai: AIUseLevel
    /// The AI tool used, when AI is used.
    public var tool: String?
    /// The client data classes the step sends to the tool.
    public var data: [DataClass]
    /// The therapist (roster id) who performs the step.
    public var performer: String
    /// The therapist (roster id) who reviews AI output, if anyone.
    public var reviewer: String?
    /// Whether the client's consent to this AI use is recorded.
    public var consent: Bool?
    /// Whether AI involvement is disclosed in the record.
    public var disclosure: Bool?
    /// Free text about the step, for staff.
    public var description: String?
    /// What the step does, in words a client understands: the client AI notice says this, before the
    /// task's `clientDescription`.
    public var clientDescription: String?
    /// Where the step is in its document.
    public var pointer: String

    // Who consents, recordings and groups (issue 18): each nil when not stated.
    /// Who gave the consent the step records: the client, a guardian or legal representative, or both.
    public var consentBy: [ConsentParty]? = nil
    /// Whether the client's own assent is recorded (a minor, or a client who cannot consent for themselves).
    public var assent: Bool? = nil
    /// The session recording the step sends to its tool, if it records one.
    public var recording: SessionRecording? = nil
    /// In a group workflow, whether every member's consent (or their guardian's) is recorded.
    public var groupConsent: Bool? = nil
    /// In a group workflow, whose data the step sends: the one client's own, or other members' too.
    public var memberData: MemberData? = nil

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> WorkflowStep? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a step", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let task: String? = fields.required("task", in: &context)
        let ai: AIUseLevel? = fields.required("ai", in: &context)
        let tool: String? = fields.optional("tool", in: &context)
        let data: [DataClass] = fields.optionalSet("data", in: &context) ?? []
        let performer: String? = fields.required("performer", in: &context)
        let reviewer: String? = fields.optional("reviewer", in: &context)
        let consent: Bool? = fields.optional("consent", in: &context)
        let disclosure: Bool? = fields.optional("disclosure", in: &context)
        let description: String? = fields.optional("description", in: &context)
        let clientDescription: String? = fields.optional("clientDescription", in: &context)
        let consentBy: [ConsentParty]? = fields.optionalSet("consentBy", in: &context)
        let assent: Bool? = fields.optional("assent", in: &context)
        let recording: SessionRecording? = fields.optional("recording", in: &context)
        let groupConsent: Bool? = fields.optional("groupConsent", in: &context)
        let memberData: MemberData? = fields.optional("memberData", in: &context)
        fields.finish(&context)
        guard let id, let task, let ai, let performer else { return nil }
        return WorkflowStep(id: id, task: task, ai: ai, tool: tool, data: data, performer: performer, reviewer: reviewer,
                            consent: consent, disclosure: disclosure, description: description, clientDescription: clientDescription,
                            pointer: pointer, consentBy: consentBy, assent: assent, recording: recording, groupConsent: groupConsent,
                            memberData: memberData)
    }
}
