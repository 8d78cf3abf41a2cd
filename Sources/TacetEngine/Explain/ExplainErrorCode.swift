import TacetDiagnostics

/// What `tacet explain` reports when it cannot find what it was asked to explain: `explain.*` codes.
public enum ExplainErrorCode: String, Sendable, CaseIterable, DiagnosticCode {
    case unknownWorkflow = "explain.unknown-workflow"
    case unknownStep = "explain.unknown-step"
    case unknownTask = "explain.unknown-task"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .unknownWorkflow: "no workflow of the name given is among the documents loaded"
        case .unknownStep: "the workflow has no step of the id given"
        case .unknownTask: "the policy does not classify the task given"
        }
    }

    /// The severity these codes are reported with.
    public var defaultSeverity: Severity { .error }
}
