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

    /// One test of one fact value. Switches on each value in turn rather than on a tuple of them,
    /// which would copy both payloads on every one of the millions of tests a large check runs.
    static func test(_ actual: FactValue, _ op: ConditionOperator, _ expected: TestValue) -> Bool {
        if op == .exists {
            if case .bool(let wanted) = expected { return (actual != .missing) == wanted }
            return actual != .missing
        }
        switch actual {
        case .missing:
            return false
        case .string(let a):
            switch (op, expected) {
            case (.equals, .string(let b)): return a == b
            case (.notEquals, .string(let b)): return a != b
            case (.in, .strings(let set)): return set.contains(a)
            case (.notIn, .strings(let set)): return !set.contains(a)
            case (.contains, .string(let b)): return textContains(a, b)
            case (.matches, .pattern(let pattern)): return pattern.matches(a)
            default: return false
            }
        case .bool(let a):
            guard case .bool(let b) = expected else { return false }
            return op == .equals ? a == b : op == .notEquals ? a != b : false
        case .ai(let a):
            switch expected {
            case .ai(let b): return compare(a, op, b)
            case .ais(let set): return op == .in ? set.contains(a) : op == .notIn ? !set.contains(a) : false
            default: return false
            }
        case .level(let a):
            switch expected {
            case .level(let b): return compare(a, op, b)
            case .levels(let set): return op == .in ? set.contains(a) : op == .notIn ? !set.contains(a) : false
            default: return false
            }
        case .dataClasses(let a):
            guard op == .contains, case .dataClass(let b) = expected else { return false }
            return a.contains(b)
        case .number(let a):
            guard case .number(let b) = expected else { return false }
            return compare(a, op, b)
        case .keywords(let a):
            guard op == .contains, case .keyword(let b) = expected else { return false }
            return a.contains(b)
        }
        // invariant: the compiler only builds the fact/operator/value combinations handled above.
    }

    /// Whether `text` contains `part` as a run of whole characters (grapheme clusters), compared by
    /// canonical equivalence as `==` on strings does; every text contains the empty text.
    ///
    /// Not `text.contains(part)`: where Foundation is visible that resolves to its overload, which
    /// says no text contains the empty one and finds parts of characters ("👩" in "👩‍👩‍👧").
    static func textContains(_ text: String, _ part: String) -> Bool {
        part.isEmpty || text.firstRange(of: part) != nil
    }

    private static func compare<T: Comparable>(_ a: T, _ op: ConditionOperator, _ b: T) -> Bool {
        switch op {
        case .equals: a == b
        case .notEquals: a != b
        case .atLeast: a >= b
        case .atMost: a <= b
        default: false
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
        case .number(let number): String(number)
        case .keyword(let word): word
        }
    }
}
