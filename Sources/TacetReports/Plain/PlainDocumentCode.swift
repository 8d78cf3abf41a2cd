import TacetDiagnostics

/// What `tacet notice` and `tacet handbook` report about the text they write: `client-notice.*` codes.
public enum PlainDocumentCode: String, Sendable, CaseIterable, DiagnosticCode {
    case staffWording = "client-notice.staff-wording"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .staffWording: "the client notice uses wording written for staff where a step, task or tool gives none for clients"
        }
    }

    /// Warnings: the notice is still written, in the staff wording, for the clinic to improve.
    public var defaultSeverity: Severity { .warning }
}
