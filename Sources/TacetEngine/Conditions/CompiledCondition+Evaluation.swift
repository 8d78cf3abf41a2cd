import TacetDocuments

extension CompiledCondition {
    /// Whether the condition holds, reading facts through `value`.
    ///
    /// A test on a missing fact is false, whatever its operator, except `exists`: so `not` of a
    /// test on a missing fact is true.
    public func holds<Source: FactSource>(_ source: Source) -> Bool {
        switch self {
        case .all(let parts):
            for part in parts where !part.holds(source) { return false }
            return true
        case .any(let parts):
            for part in parts where part.holds(source) { return true }
            return false
        case .not(let inner): return !inner.holds(source)
        case .test(let fact, let op, let expected): return Self.test(source.value(fact), op, expected)
        }
    }

    /// Whether the condition holds for facts given by a function.
    public func holds(_ value: @escaping (Fact) -> FactValue) -> Bool { holds(FactFunction(value)) }

    /// One test of one fact value.
    static func test(_ actual: FactValue, _ op: ConditionOperator, _ expected: TestValue) -> Bool {
        if op == .exists {
            let present = actual != .missing
            if case .bool(let wanted) = expected { return present == wanted }
            return present
        }
        switch (actual, op, expected) {
        case (.missing, _, _): return false
        case let (.string(a), .equals, .string(b)): return a == b
        case let (.string(a), .notEquals, .string(b)): return a != b
        case let (.string(a), .in, .strings(set)): return set.contains(a)
        case let (.string(a), .notIn, .strings(set)): return !set.contains(a)
        case let (.string(a), .contains, .string(b)): return a.contains(b)
        case let (.string(a), .matches, .pattern(pattern)): return pattern.matches(a)
        case let (.bool(a), .equals, .bool(b)): return a == b
        case let (.bool(a), .notEquals, .bool(b)): return a != b
        case let (.ai(a), .equals, .ai(b)): return a == b
        case let (.ai(a), .notEquals, .ai(b)): return a != b
        case let (.ai(a), .in, .ais(set)): return set.contains(a)
        case let (.ai(a), .notIn, .ais(set)): return !set.contains(a)
        case let (.ai(a), .atLeast, .ai(b)): return a >= b
        case let (.ai(a), .atMost, .ai(b)): return a <= b
        case let (.level(a), .equals, .level(b)): return a == b
        case let (.level(a), .notEquals, .level(b)): return a != b
        case let (.level(a), .in, .levels(set)): return set.contains(a)
        case let (.level(a), .notIn, .levels(set)): return !set.contains(a)
        case let (.level(a), .atLeast, .level(b)): return a >= b
        case let (.level(a), .atMost, .level(b)): return a <= b
        case let (.dataClasses(a), .contains, .dataClass(b)): return a.contains(b)
        default:
            // invariant: the compiler only builds fact/operator/value combinations listed above.
            return false
        }
    }

    /// Evaluates like ``holds(_:)`` and records, line by line, what each part read and decided.
    public func explain<Source: FactSource>(_ source: Source, depth: Int = 0, into lines: inout [String]) -> Bool {
        let pad = String(repeating: "  ", count: depth)
        switch self {
        case .all(let parts):
            lines.append("\(pad)all of:")
            var result = true
            for part in parts where !part.explain(source, depth: depth + 1, into: &lines) { result = false }
            lines.append("\(pad)=> \(result ? "holds" : "does not hold") (all)")
            return result
        case .any(let parts):
            lines.append("\(pad)any of:")
            var result = false
            for part in parts where part.explain(source, depth: depth + 1, into: &lines) { result = true }
            lines.append("\(pad)=> \(result ? "holds" : "does not hold") (any)")
            return result
        case .not(let inner):
            lines.append("\(pad)not:")
            let result = !inner.explain(source, depth: depth + 1, into: &lines)
            lines.append("\(pad)=> \(result ? "holds" : "does not hold") (not)")
            return result
        case .test(let fact, let op, let expected):
            let actual = source.value(fact)
            let result = Self.test(actual, op, expected)
            let test = [fact.rawValue, op.rawValue, expected.shortDescription].filter { !$0.isEmpty }.joined(separator: " ")
            lines.append("\(pad)\(test): \(fact.rawValue) is \(actual) -> \(result)")
            return result
        }
    }

    /// ``explain(_:depth:into:)`` for facts given by a function.
    public func explain(_ value: @escaping (Fact) -> FactValue, into lines: inout [String]) -> Bool {
        explain(FactFunction(value), into: &lines)
    }
}

extension TestValue {
    /// How explanations show the value.
    public var shortDescription: String {
        switch self {
        case .none: ""
        case .bool(let flag): flag ? "true" : "false"
        case .string(let text): "'\(text)'"
        case .strings(let set): "[" + set.sorted().joined(separator: ", ") + "]"
        case .ai(let level): level.rawValue
        case .ais(let set): "[" + set.sorted().map(\.rawValue).joined(separator: ", ") + "]"
        case .level(let level): level.rawValue
        case .levels(let set): "[" + set.sorted().map(\.rawValue).joined(separator: ", ") + "]"
        case .dataClass(let dataClass): dataClass.rawValue
        case .pattern(let pattern): "/\(pattern.source)/"
        }
    }
}
