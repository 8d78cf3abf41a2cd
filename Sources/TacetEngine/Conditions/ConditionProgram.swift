import TacetDocuments

/// Conditions flattened into one array of plain instructions: how the checker evaluates rules.
///
/// Walking a ``CompiledCondition`` copies its indirect, reference-counted payloads at every test,
/// and a large check runs millions of tests. Here each condition is a run of
/// ``ConditionInstruction`` values in prefix order. A test on a level, a boolean or data classes is
/// one bit lookup, its mask worked out by ``CompiledCondition/test(_:_:_:)`` itself over the
/// fact's few possible values; only string tests read a side table. So a program holds for
/// exactly the facts its condition holds for, which the tests check on random conditions.
struct ConditionProgram: Sendable {
    private var code: [ConditionInstruction] = []
    private var strings: [String] = []
    private var stringSets: [Set<String>] = []
    private var patterns: [MatchPattern] = []
    private var numbers: [Int] = []

    /// An empty program.
    init() {}

    /// Adds `condition` and returns where it starts, for ``holds(at:_:)``.
    mutating func append(_ condition: CompiledCondition) -> Int {
        let start = code.count
        emit(condition)
        return start
    }

    private mutating func emit(_ condition: CompiledCondition) {
        let at = code.count
        switch condition {
        case .all(let parts):
            code.append(Self.group(.all))
            parts.forEach { emit($0) }
        case .any(let parts):
            code.append(Self.group(.any))
            parts.forEach { emit($0) }
        case .not(let inner):
            code.append(Self.group(.not))
            emit(inner)
        case .test(let fact, let op, let expected):
            code.append(test(fact, op, expected))
        }
        code[at].end = Int32(code.count)
    }

    /// An `all`, `any` or `not` instruction; its `end` is set once its children are emitted.
    private static func group(_ kind: ConditionInstruction.Kind) -> ConditionInstruction {
        ConditionInstruction(kind: kind, fact: .stepID, mask: 0, operand: 0, end: 0)
    }

    private mutating func test(_ fact: Fact, _ op: ConditionOperator, _ expected: TestValue) -> ConditionInstruction {
        var instruction = ConditionInstruction(kind: .mask, fact: fact, mask: 0, operand: 0, end: 0)
        if op == .exists {
            instruction.kind = .exists
            instruction.mask = expected == .bool(false) ? 0 : 1
            return instruction
        }
        if fact.type == .number {
            guard case .number(let number) = expected, let comparison = Self.comparisons.firstIndex(of: op) else {
                return instruction  // a combination `test` refuses: an empty mask never holds, as `test` never does
            }
            instruction.kind = .compare
            instruction.mask = UInt32(comparison)
            instruction.operand = Int32(numbers.count)
            numbers.append(number)
            return instruction
        }
        guard fact.type == .string else {
            // Every value the fact can take, tried once here: the bit of each that passes.
            for value in Self.domain(of: fact) where CompiledCondition.test(value, op, expected) {
                if let ordinal = Self.ordinal(of: value) { instruction.mask |= 1 << ordinal }
            }
            return instruction
        }
        switch (op, expected) {
        case (.equals, .string(let text)), (.notEquals, .string(let text)), (.contains, .string(let text)):
            instruction.kind = op == .equals ? .equals : op == .notEquals ? .notEquals : .contains
            instruction.operand = Int32(strings.count)
            strings.append(text)
        case (.in, .strings(let set)), (.notIn, .strings(let set)):
            instruction.kind = op == .in ? .isIn : .notIn
            instruction.operand = Int32(stringSets.count)
            stringSets.append(set)
        case (.matches, .pattern(let pattern)):
            instruction.kind = .matches
            instruction.operand = Int32(patterns.count)
            patterns.append(pattern)
        default:
            break  // a combination `test` refuses: an empty mask never holds, as `test` never does
        }
        return instruction
    }

    /// The comparisons a `compare` instruction makes, by the number its `mask` holds.
    static let comparisons: [ConditionOperator] = [.equals, .notEquals, .atLeast, .atMost]

    /// Every value a fact of a type other than text and number can take.
    static func domain(of fact: Fact) -> [FactValue] {
        switch fact.type {
        case .aiLevel: AIUseLevel.allCases.map(FactValue.ai)
        case .competencyLevel: CompetencyLevel.allCases.map(FactValue.level)
        case .bool: [.bool(false), .bool(true)]
        case .dataClasses: (0...DataClasses.all.rawValue).map { .dataClasses(DataClasses(rawValue: $0)) }
        case .keywords: Keywords.all(of: fact).map(FactValue.keywords)
        case .string, .number: []
        }
    }

    /// A value's bit position in a mask (below 32); nil for strings, numbers and absent facts.
    static func ordinal(of value: FactValue) -> Int? {
        switch value {
        case .ai(let level): level.rank
        case .level(let level): level.rank
        case .bool(let flag): flag ? 1 : 0
        case .dataClasses(let set): Int(set.rawValue)
        case .keywords(let set): Int(set.bits)
        case .string, .number, .missing: nil
        }
    }

    /// Whether the condition added at `start` holds for `source`.
    func holds<Source: FactSource>(at start: Int, _ source: Source) -> Bool {
        code.withUnsafeBufferPointer { evaluate($0, start, source) }
    }

    private func evaluate<Source: FactSource>(_ code: UnsafeBufferPointer<ConditionInstruction>, _ index: Int,
                                              _ source: Source) -> Bool {
        let instruction = code[index]
        switch instruction.kind {
        case .all, .any:
            let wanted = instruction.kind == .any
            var child = index + 1
            while child < Int(instruction.end) {
                if evaluate(code, child, source) == wanted { return wanted }
                child = Int(code[child].end)
            }
            return !wanted
        case .not:
            return !evaluate(code, index + 1, source)
        case .exists:
            return (source.value(instruction.fact) != .missing) == (instruction.mask == 1)
        case .mask:
            guard let ordinal = Self.ordinal(of: source.value(instruction.fact)) else { return false }
            return instruction.mask & (1 << ordinal) != 0
        case .compare:
            guard case .number(let actual) = source.value(instruction.fact) else { return false }
            let number = numbers[Int(instruction.operand)]
            return switch instruction.mask {
            case 0: actual == number
            case 1: actual != number
            case 2: actual >= number
            default: actual <= number
            }
        case .equals, .notEquals, .isIn, .notIn, .contains, .matches:
            guard case .string(let actual) = source.value(instruction.fact) else { return false }
            let operand = Int(instruction.operand)
            return switch instruction.kind {
            case .equals: actual == strings[operand]
            case .notEquals: actual != strings[operand]
            case .isIn: stringSets[operand].contains(actual)
            case .notIn: !stringSets[operand].contains(actual)
            case .contains: CompiledCondition.textContains(actual, strings[operand])
            default: patterns[operand].matches(actual)
            }
        }
    }
}
