/// The checks Tacet makes on every step from the policy's task table and tool registry, before any
/// rule. Their ids are what findings, exceptions and policy tests name.
public enum Requirement: String, Sendable, CaseIterable {
    /// Checks that the step's task is one the policy classifies.
    case knownTask = "requirement.known-task"
    /// Checks that the step's AI level is at most the task's.
    case aiLevel = "requirement.ai-level"
    /// Checks that a step that uses AI names its tool.
    case toolNamed = "requirement.tool-named"
    /// Checks that the tool is in the policy's approved-tool registry.
    case toolApproved = "requirement.tool-approved"
    /// Checks that every data class the step sends may go to that tool.
    case toolData = "requirement.tool-data"
    /// Checks that every data class the step sends is one the task may send to AI.
    case taskData = "requirement.task-data"
    /// Checks that PHI goes only to tools under a business associate agreement.
    case phiBAA = "requirement.phi-baa"
    /// Checks that the performer and reviewer are in the roster.
    case knownPerson = "requirement.known-person"
    /// Checks that a reviewer is named when the task requires review.
    case review = "requirement.review"
    /// Checks that the reviewer is not the performer.
    case reviewIndependent = "requirement.review-independent"
    /// Checks that the reviewer has the role the task requires.
    case reviewRole = "requirement.review-role"
    /// Checks that the reviewer's level in the review area is at least the task's minimum, per the roster.
    case reviewLevel = "requirement.review-level"
    /// Checks that the client's consent is recorded when the task requires it.
    case consent = "requirement.consent"
    /// Checks that AI involvement is disclosed in the record when the task requires it.
    case disclosure = "requirement.disclosure"
    /// Checks that the performer holds every training the task requires, current on the day checked.
    case training = "requirement.training"

    /// What the requirement asks, in one line.
    public var summary: String {
        switch self {
        case .knownTask: "the step's task is one the policy classifies"
        case .aiLevel: "the step's AI level is at most the task's"
        case .toolNamed: "a step that uses AI names its tool"
        case .toolApproved: "the tool is in the policy's approved-tool registry"
        case .toolData: "every data class the step sends may go to that tool"
        case .taskData: "every data class the step sends is one the task may send to AI"
        case .phiBAA: "PHI goes only to tools under a business associate agreement"
        case .knownPerson: "the performer and reviewer are in the roster"
        case .review: "a reviewer is named when the task requires review"
        case .reviewIndependent: "the reviewer is not the performer"
        case .reviewRole: "the reviewer has the role the task requires"
        case .reviewLevel: "the reviewer's level in the review area is at least the task's minimum, per the roster"
        case .consent: "the client's consent is recorded when the task requires it"
        case .disclosure: "AI involvement is disclosed in the record when the task requires it"
        case .training: "the performer holds every training the task requires, current on the day checked"
        }
    }
}
