import TacetDocuments

/// Decides whether a compiled condition can never hold, or always holds, for any step.
///
/// The condition is expanded to disjunctive normal form (bounded by ``maxConjunctions``); each
/// conjunction is satisfiable when every fact it tests has a value, absence included, meeting all
/// its tests. Facts are treated as independent, which admits more combinations than real steps
/// have: so "never holds" and "always holds" are only claimed when they are certain. Text facts
/// tested with `matches` or `contains` are assumed satisfiable either way, except with an empty
/// value, which holds for every text and so tests only that the fact is present.
public struct ConditionAnalysis: Sendable {
    /// The largest expansion analysed; bigger conditions are reported as too complex.
    public static let maxConjunctions = 512

    /// Facts with a known value, such as `step.task` when judging one task.
    public var fixed: [Fact: FactValue]

    /// Creates an analysis, optionally with facts fixed.
    public init(fixed: [Fact: FactValue] = [:]) { self.fixed = fixed }

    struct Literal {
        let fact: Fact
        let op: ConditionOperator
        let value: TestValue
        let positive: Bool

        /// A `contains` or `matches` with an empty value read as what it is, an `exists`.
        var simplified: Literal {
            switch (op, value) {
            case (.contains, .string("")): Literal(fact: fact, op: .exists, value: .none, positive: positive)
            case (.matches, .pattern(let pattern)) where pattern.source.isEmpty:
                Literal(fact: fact, op: .exists, value: .none, positive: positive)
            default: self
            }
        }
    }

    /// Whether some step makes the condition hold; nil when it is too large to analyse.
    public func canHold(_ condition: CompiledCondition) -> Bool? {
        guard let dnf = Self.dnf(condition, negated: false) else { return nil }
        return dnf.contains(where: satisfiable)
    }

    /// Whether every step makes the condition hold; nil when it is too large to analyse.
    public func alwaysHolds(_ condition: CompiledCondition) -> Bool? {
        guard let dnf = Self.dnf(condition, negated: true) else { return nil }
        return !dnf.contains(where: satisfiable)
    }

    static func dnf(_ condition: CompiledCondition, negated: Bool) -> [[Literal]]? {
        switch (condition, negated) {
        case let (.test(fact, op, value), _):
            return [[Literal(fact: fact, op: op, value: value, positive: !negated)]]
        case let (.not(inner), _):
            return dnf(inner, negated: !negated)
        case let (.all(parts), false), let (.any(parts), true):
            var result: [[Literal]] = [[]]
            for part in parts {
                guard let expanded = dnf(part, negated: negated) else { return nil }
                var next: [[Literal]] = []
                for left in result {
                    for right in expanded { next.append(left + right) }
                }
                guard next.count <= maxConjunctions else { return nil }
                result = next
            }
            return result
        case let (.any(parts), false), let (.all(parts), true):
            var result: [[Literal]] = []
            for part in parts {
                guard let expanded = dnf(part, negated: negated) else { return nil }
                result += expanded
                guard result.count <= maxConjunctions else { return nil }
            }
            return result
        }
    }

    func satisfiable(_ conjunction: [Literal]) -> Bool {
        var byFact: [Fact: [Literal]] = [:]
        for literal in conjunction { byFact[literal.fact, default: []].append(literal.simplified) }
        for (fact, literals) in byFact {
            if fact.type == .string && literals.contains(where: { $0.op == .matches || $0.op == .contains }) { continue }
            let candidates = fixed[fact].map { [$0] } ?? Self.domain(of: fact, literals: literals)
            let anyFits = candidates.contains { value in
                literals.allSatisfy { CompiledCondition.test(value, $0.op, $0.value) == $0.positive }
            }
            if !anyFits { return false }
        }
        return true
    }

    /// Every value `fact` can take that matters to `literals`, absence included unless the fact is
    /// always present.
    static func domain(of fact: Fact, literals: [Literal]) -> [FactValue] {
        let values = presentValues(of: fact, literals: literals)
        return fact.alwaysPresent ? values : [.missing] + values
    }

    static func presentValues(of fact: Fact, literals: [Literal]) -> [FactValue] {
        switch fact.type {
        case .bool: return [.bool(true), .bool(false)]
        case .aiLevel: return AIUseLevel.allCases.map(FactValue.ai)
        case .competencyLevel: return CompetencyLevel.allCases.map(FactValue.level)
        case .dataClasses: return (0...7).map { .dataClasses(DataClasses(rawValue: UInt8($0))) }
        case .keywords: return Keywords.all(of: fact).map(FactValue.keywords)
        case .number:
            // Each constant and its neighbours stand for every number below, at and above it.
            var numbers: Set<Int> = [0]
            for literal in literals {
                guard case .number(let number) = literal.value else { continue }
                numbers.formUnion([number, number &- 1, number &+ 1])
            }
            return numbers.sorted().map(FactValue.number)
        case .string:
            if let vocabulary = fact.vocabulary { return vocabulary.map(FactValue.string) }
            var constants = Set<String>()
            for literal in literals {
                switch literal.value {
                case .string(let text): constants.insert(text)
                case .strings(let set): constants.formUnion(set)
                default: break
                }
            }
            // A value equal to none of the constants stands for every other string.
            let fresh = "\u{1}" + constants.sorted().joined(separator: "\u{2}") + "\u{1}"
            return [.string(fresh)] + constants.sorted().map(FactValue.string)
        }
    }
}
