import TacetDocuments

/// A condition's `value`, checked against its fact's type when the policy is compiled.
public enum TestValue: Sendable, Hashable {
    case none
    case bool(Bool)
    case string(String)
    case strings(Set<String>)
    case ai(AIUseLevel)
    case ais(Set<AIUseLevel>)
    case level(CompetencyLevel)
    case levels(Set<CompetencyLevel>)
    case dataClass(DataClass)
    case pattern(MatchPattern)
}
