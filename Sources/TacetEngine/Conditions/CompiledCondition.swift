import TacetDocuments

/// A rule condition with every fact, operator and value checked and typed, ready to evaluate fast.
public indirect enum CompiledCondition: Sendable, Hashable {
    /// Every part holds.
    case all([CompiledCondition])
    /// At least one part holds.
    case any([CompiledCondition])
    /// The part does not hold.
    case not(CompiledCondition)
    /// One test of one fact.
    case test(Fact, ConditionOperator, TestValue)

    /// The facts the condition reads, in order of first use.
    public var facts: [Fact] {
        var seen: [Fact] = []
        func walk(_ condition: CompiledCondition) {
            switch condition {
            case .all(let parts), .any(let parts): parts.forEach(walk)
            case .not(let inner): walk(inner)
            case .test(let fact, _, _): if !seen.contains(fact) { seen.append(fact) }
            }
        }
        walk(self)
        return seen
    }
}
