import TacetDiagnostics
import TacetDocuments

/// A policy rule with its condition compiled, and the layer it came from.
public struct ResolvedRule: Sendable {
    /// The rule as written.
    public var rule: PolicyRule
    /// Its compiled condition.
    public var condition: CompiledCondition
    /// The fact whose node a finding points at, when the rule names one with `at`.
    public var at: Fact?
    /// The layer that defined it.
    public var document: LoadedDocument
    /// Where the rule is written, resolved once for the note every finding of it carries.
    public var location: SourceLocation

    /// The rule's id.
    public var id: String { rule.id }
}
