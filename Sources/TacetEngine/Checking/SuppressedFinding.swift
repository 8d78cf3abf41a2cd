import TacetDiagnostics
import TacetDocuments

/// A finding an exception suppressed: reported apart from findings, never dropped.
public struct SuppressedFinding: Sendable, Hashable {
    /// The finding as it would have been reported.
    public var finding: Diagnostic
    /// The exception's name.
    public var exception: String
    /// Who answers for the exception.
    public var owner: String
    /// Its last day.
    public var expires: CalendarDate
}
