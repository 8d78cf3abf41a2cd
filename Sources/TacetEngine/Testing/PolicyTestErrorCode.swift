import TacetDiagnostics

/// Problems with `PolicyTest` documents and runs: `test.*` codes.
public enum PolicyTestErrorCode: String, Sendable, CaseIterable, DiagnosticCode {
    case unknownPolicy = "test.unknown-policy"
    case layer = "test.layer"
    case none = "test.none"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .unknownPolicy: "a policy test names a policy that is not among the documents loaded"
        case .layer: "a policy test's inputs hold a policy that is not one layer over the policy under test"
        case .none: "no policy test ran: no PolicyTest document with a case was found"
        }
    }

    /// The severity these codes are reported with.
    public var defaultSeverity: Severity { .error }
}
