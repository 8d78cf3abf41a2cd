import TacetDiagnostics
import TacetDocuments

/// What a policy change does to a team: how each resolved policy changed, the findings it adds and
/// removes across the team's workflows and plans, and the therapists whose plans change. Built from two
/// runs of the same check, one per side, so it can never disagree with `check`.
public struct PolicyImpact: Sendable {
    /// One side's check: its report and what it judged.
    public struct Side: Sendable {
        /// The check's report (findings after exceptions).
        public var report: CheckReport
        /// The documents judged.
        public var documents: [LoadedDocument]
        /// The policies resolved from them, by name.
        public var policies: [String: ResolvedPolicy]

        /// Creates a side.
        public init(report: CheckReport, documents: [LoadedDocument], policies: [String: ResolvedPolicy]) {
            self.report = report
            self.documents = documents
            self.policies = policies
        }
    }

    /// The policies that differ, by name.
    public var policies: [PolicyDelta]
    /// The findings added and removed, and the exceptions left unused.
    public var findings: FindingDelta
    /// The therapists whose plans change.
    public var therapists: [TherapistDelta]

    /// Compares `base` and `head`; `file` names a file the same on both sides (see ``FindingDelta``).
    public init(base: Side, head: Side, file: (String) -> String = { $0 }) {
        policies = PolicyDelta.compare(base: base.policies, head: head.policies)
        findings = FindingDelta.compare(base: base.report, head: head.report, file: file)
        therapists = TherapistDelta.compare(base: (base.documents, base.policies), head: (head.documents, head.policies))
    }

    /// Whether the change adds an error-level finding: what fails `tacet diff`.
    public var addsErrors: Bool { findings.added.contains { $0.severity == .error } }

    /// How many changes the policies have, all told.
    public var changeCount: Int { policies.reduce(0) { $0 + $1.changes.count } }
}
