import TacetDocuments

/// Says in words why a rule's condition comes out as it does for a step: the parts that decide it,
/// each as a clause ("the workflow's population mentions 'trauma'"). What `tacet explain` shows by
/// default; `--trace` shows the evaluation itself.
enum ConditionReason {
    /// The clauses that decide `condition` on `source`, in condition order, without repeats.
    static func clauses<Source: FactSource>(_ condition: CompiledCondition, _ source: Source) -> [String] {
        var seen = Set<String>()
        return deciding(condition, source).filter { seen.insert($0).inserted }
    }

    /// A part decides `all` when it fails (else every part does), and `any` when it holds (else every part
    /// does); `not` is decided by what decides its part, whose clause states its part's own outcome.
    private static func deciding<Source: FactSource>(_ condition: CompiledCondition, _ source: Source) -> [String] {
        switch condition {
        case .all([]):
            return ["an empty all: in its condition always holds"]
        case .any([]):
            return ["an empty any: in its condition never holds"]
        case .all(let parts):
            let failing = parts.filter { !$0.holds(source) }
            return (failing.isEmpty ? parts : failing).flatMap { deciding($0, source) }
        case .any(let parts):
            let holding = parts.filter { $0.holds(source) }
            return (holding.isEmpty ? parts : holding).flatMap { deciding($0, source) }
        case .not(let inner):
            return deciding(inner, source)
        case .test(let fact, let op, let expected):
            return [clause(fact, op, expected, source.value(fact))]
        }
    }

    /// One test's outcome as a clause that states the fact's value, true as written.
    static func clause(_ fact: Fact, _ op: ConditionOperator, _ expected: TestValue, _ actual: FactValue) -> String {
        let noun = fact.noun
        if actual == .missing { return fact.absent }
        if case .bool(let flag) = actual, let words = fact.yesNo { return flag ? words.yes : words.no }
        let holds = CompiledCondition.test(actual, op, expected)
        let value = expected.shortDescription
        switch op {
        case .equals: return holds ? "\(noun) is \(actual)" : "\(noun) is \(actual), not \(value)"
        case .notEquals: return holds ? "\(noun) is \(actual), not \(value)" : "\(noun) is \(actual)"
        case .in: return "\(noun) is \(actual), \(holds ? "one" : "none") of \(value)"
        case .notIn: return "\(noun) is \(actual), \(holds ? "none" : "one") of \(value)"
        case .contains:
            switch actual {
            case .dataClasses, .keywords: return "\(noun) \(holds ? "include" : "do not include") \(value)"
            default: break
            }
            return "\(noun) \(holds ? "mentions" : "does not mention") \(value)"
        case .matches: return "\(noun) \(holds ? "matches" : "does not match") \(value)"
        case .atLeast: return "\(noun) is \(actual), \(holds ? "at least" : "below") \(value)"
        case .atMost: return "\(noun) is \(actual), \(holds ? "at most" : "above") \(value)"
        case .exists: return "\(noun) is \(actual)"
        }
    }
}
