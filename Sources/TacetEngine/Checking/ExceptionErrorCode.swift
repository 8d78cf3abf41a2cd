import TacetDiagnostics

/// Problems with `Exception` documents: `exception.*` codes.
public enum ExceptionErrorCode: String, Sendable, CaseIterable, DiagnosticCode {
    case expired = "exception.expired"
    case unknownRule = "exception.unknown-rule"
    case unknownScope = "exception.unknown-scope"
    case unused = "exception.unused"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .expired: "the exception's expiry date has passed; it no longer applies"
        case .unknownRule: "the exception names a rule no policy defines"
        case .unknownScope: "the exception names a workflow or step that does not exist"
        case .unused: "the exception suppressed nothing"
        }
    }

    /// The severity each code is reported with.
    public var defaultSeverity: Severity {
        switch self {
        case .expired: .warning
        case .unused: .info
        default: .error
        }
    }
}
