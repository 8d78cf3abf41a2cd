/// Codes of problems with exceptions; the raw value is the diagnostic code.
public enum ExceptionErrorCode: String, Sendable, CaseIterable {
    /// The exception's expiry date has passed; it no longer applies.
    case expired = "exception.expired"
    /// The exception names a rule no policy defines.
    case unknownRule = "exception.unknown-rule"
    /// The exception names a workflow or step that does not exist.
    case unknownScope = "exception.unknown-scope"
    /// The exception suppressed nothing.
    case unused = "exception.unused"
}
