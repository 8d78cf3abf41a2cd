import TacetDiagnostics
import TacetEngine

/// What `tacet diff` found: the impact of going from the base's policies to the head's, with each
/// file named as the output shows it (`main:Policies/teams/pediatrics.yaml` for a revision's).
package struct PolicyDiff: Sendable {
    /// The base side as the user named it.
    package var base: String
    /// The head side as the user named it.
    package var head: String
    /// The policy changes, findings added and removed, and therapists whose plans change.
    package var impact: PolicyImpact
    /// Input problems of either side (a team's file's problem once), sorted.
    package var problems: [Diagnostic]
    /// File bytes by displayed name, for source excerpts.
    package var sources: [String: [UInt8]]
    /// Workflows and plans checked on the head's side.
    package var workflows: Int
    /// Learning plans audited on the head's side.
    package var plans: Int

    /// Whether either side's input is invalid, so the comparison cannot be trusted.
    package var inputInvalid: Bool { problems.contains { $0.severity == .error } }

    /// 2 when either side's input is invalid, 1 when the change adds an error-level finding, else 0.
    package var status: ExitStatus { inputInvalid ? .invalid : impact.addsErrors ? .findings : .ok }
}
