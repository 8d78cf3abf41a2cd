import TacetDiagnostics

/// What `tacet lint` reports about its run rather than about a policy: `lint.*` codes.
public enum LintErrorCode: String, Sendable, CaseIterable, DiagnosticCode {
    case noPolicy = "lint.no-policy"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .noPolicy: "the paths given hold no Policy document to lint"
        }
    }

    /// The severity these codes are reported with.
    public var defaultSeverity: Severity { .error }
}
