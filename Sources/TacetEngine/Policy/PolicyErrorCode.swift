/// Codes of problems in policies themselves; the raw value is the diagnostic code.
public enum PolicyErrorCode: String, Sendable, CaseIterable {
    /// A layer loosens what its base sets.
    case loosens = "policy.loosens"
    /// A layer restates a rule id its base already defines.
    case duplicateRule = "policy.duplicate-rule"
    /// `extends` names an unknown policy or makes a cycle.
    case extends = "policy.extends"
    /// A citation id is defined twice with different content.
    case citationConflict = "policy.citation-conflict"
    /// A workflow cannot be matched to a policy.
    case noPolicy = "policy.none"
    /// A workflow's policy has errors, so the workflow was not checked.
    case policyInvalid = "policy.invalid"
    /// A rule's condition can never hold.
    case neverHolds = "policy.rule-never-holds"
    /// A rule's condition always holds.
    case alwaysHolds = "policy.rule-always-holds"
    /// A rule fires on every use the task table allows for a task at a level.
    case deadAllowance = "policy.dead-allowance"
    /// A framework item no task classifies.
    case unclassified = "policy.unclassified"
    /// A task without a citation.
    case uncited = "policy.uncited"
    /// A task's area is not an area of the framework.
    case unknownArea = "policy.unknown-area"
    /// A condition too large to analyse.
    case tooComplex = "policy.too-complex"
    /// A `contains` or `matches` test with an empty value: it holds for every text, so it only tests
    /// that the fact is present.
    case emptyTextTest = "policy.empty-text-test"
}
