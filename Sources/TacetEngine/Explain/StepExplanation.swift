import TacetDiagnostics
import TacetDocuments

/// Everything `tacet explain --step` shows, as the checker reported it while checking the step: the
/// facts it resolved, each requirement's verdict with its reason, and each rule's verdict with the
/// evaluation of its condition.
public struct StepExplanation: Sendable {
    /// One requirement's verdict.
    public struct RequirementLine: Sendable {
        /// The requirement.
        public var requirement: Requirement
        /// What it decided.
        public var verdict: Verdict
        /// Why: the finding's message, what it checks when it passed, or why it was not checked.
        public var reason: String
        /// The exception that suppresses its finding, if any.
        public var suppressedBy: String?
    }

    /// One rule's verdict.
    public struct RuleLine: Sendable {
        /// The rule.
        public var rule: ResolvedRule
        /// Whether it fired.
        public var verdict: Verdict
        /// The condition's evaluation, one line per part (what `--trace` shows).
        public var trace: [String]
        /// Why it fired or not, in words: the clauses of the parts that decide it.
        public var because: [String] = []
        /// The exception that suppresses its finding, if any.
        public var suppressedBy: String?
    }

    /// The workflow document.
    public var document: LoadedDocument
    /// The step.
    public var step: WorkflowStep
    /// The policy in force.
    public var policy: ResolvedPolicy
    /// Every fact's value for the step.
    public var facts: [(Fact, FactValue)]
    /// The requirements, in checking order.
    public var requirements: [RequirementLine]
    /// The rules, in policy order.
    public var rules: [RuleLine]
}
