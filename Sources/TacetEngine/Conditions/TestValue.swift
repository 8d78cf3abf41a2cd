import TacetDocuments

/// A condition's `value`, checked against its fact's type when the policy is compiled.
public enum TestValue: Sendable, Hashable {
    /// No value (`exists` without one).
    case none
    /// A boolean.
    case bool(Bool)
    /// One text.
    case string(String)
    /// Texts, for `in` and `notIn`.
    case strings(Set<String>)
    /// One AI-use level.
    case ai(AIUseLevel)
    /// AI-use levels, for `in` and `notIn`.
    case ais(Set<AIUseLevel>)
    /// One competency level.
    case level(CompetencyLevel)
    /// Competency levels, for `in` and `notIn`.
    case levels(Set<CompetencyLevel>)
    /// One data class, for `contains`.
    case dataClass(DataClass)
    /// A compiled regular expression, for `matches`.
    case pattern(MatchPattern)
    /// A whole number.
    case number(Int)
    /// One keyword of the fact's vocabulary, for `contains`.
    case keyword(String)
}
