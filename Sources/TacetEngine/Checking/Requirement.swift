import TacetDiagnostics

/// The checks Tacet makes on every step from the policy's task table and tool registry, before any
/// rule: `requirement.*` codes. Their ids are what findings, exceptions and policy tests name; each
/// ``summary`` says what the requirement checks, as a clause that follows "checks that".
public enum Requirement: String, Sendable, CaseIterable, DiagnosticCode {
    case knownTask = "requirement.known-task"
    case aiLevel = "requirement.ai-level"
    case toolNamed = "requirement.tool-named"
    case toolApproved = "requirement.tool-approved"
    case toolData = "requirement.tool-data"
    case taskData = "requirement.task-data"
    case phiBAA = "requirement.phi-baa"
    case knownPerson = "requirement.known-person"
    case review = "requirement.review"
    case reviewIndependent = "requirement.review-independent"
    case reviewRole = "requirement.review-role"
    case reviewLevel = "requirement.review-level"
    case consent = "requirement.consent"
    case disclosure = "requirement.disclosure"
    case training = "requirement.training"

    /// What the requirement checks, in one line.
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

    /// Every requirement fails a step: an error.
    public var defaultSeverity: Severity { .error }
}
