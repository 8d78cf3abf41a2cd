import TacetDiagnostics
import TacetEngine

/// One diagnostic of a run as reports list it, with what it is: a finding in force, a finding an
/// exception suppressed, or a problem with the input.
struct ReportEntry {
    /// What kind of entry it is.
    enum Role {
        /// A finding in force.
        case finding
        /// A finding an exception suppressed.
        case suppressed(SuppressedFinding)
        /// A problem with the input (invalid document, broken policy, exception out of date).
        case problem
    }

    /// The diagnostic.
    var diagnostic: Diagnostic
    /// Its role.
    var role: Role

    /// Whether it is a finding in force.
    var isFinding: Bool {
        if case .finding = role { return true }
        return false
    }

    /// Whether an exception suppressed it.
    var isSuppressed: Bool {
        if case .suppressed = role { return true }
        return false
    }

    /// Whether it is a problem with the input.
    var isProblem: Bool {
        if case .problem = role { return true }
        return false
    }

    /// Whether it is a finding in force at or above `severity`.
    func fails(at severity: Severity) -> Bool { isFinding && diagnostic.severity >= severity }

    /// Whether it is an input problem of error severity (which makes the run invalid).
    var isInputError: Bool { isProblem && diagnostic.severity == .error }
}
