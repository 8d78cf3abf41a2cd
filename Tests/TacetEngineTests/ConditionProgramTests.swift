import Testing
import TacetDocuments
@testable import TacetEngine
import TacetTestSupport

@Suite("Condition programs")
struct ConditionProgramTests {
    /// Texts for facts and values; the empty text and one character written two ways included.
    static let texts = ["a", "ab", "b", "team-1", "progress-notes", "", "caf\u{E9}", "cafe\u{301}"]

    /// A random value for a test on `fact`; one time in ten of the wrong type, which never holds.
    static func testValue(for fact: Fact, _ op: ConditionOperator, _ random: inout SplitMix64) throws -> TestValue {
        if op == .exists { return [.none, .bool(true), .bool(false)][random.int(0...2)] }
        if random.chance(10) { return [.string("a"), .bool(true), .level(.advanced), .dataClass(.phi)][random.int(0...3)] }
        let set = { (random: inout SplitMix64) in Set((0..<random.int(0...3)).map { _ in texts[random.int(0...(texts.count - 1))] }) }
        switch fact.type {
        case .string:
            switch op {
            case .in, .notIn: return .strings(set(&random))
            case .matches: return .pattern(try MatchPattern(["^a", "b$", "-", "notes", "", "^$", "e"][random.int(0...6)]))
            default: return .string(texts[random.int(0...(texts.count - 1))])
            }
        case .aiLevel:
            let levels = AIUseLevel.allCases
            return op == .in || op == .notIn ? .ais(Set(levels.filter { _ in random.chance(50) })) : .ai(levels[random.int(0...3)])
        case .competencyLevel:
            let levels = CompetencyLevel.allCases
            return op == .in || op == .notIn
                ? .levels(Set(levels.filter { _ in random.chance(50) })) : .level(levels[random.int(0...3)])
        case .bool: return .bool(random.chance(50))
        case .dataClasses: return .dataClass(DataClass.allCases[random.int(0...2)])
        case .number: return .number(random.int(-1...3))
        case .keywords:
            let words = fact.vocabulary ?? []
            return .keyword(words[random.int(0...(words.count - 1))])
        }
    }

    static func condition(depth: Int, _ random: inout SplitMix64) throws -> CompiledCondition {
        if depth > 0, random.chance(40) {
            let parts = try (0..<random.int(0...3)).map { _ in try condition(depth: depth - 1, &random) }
            switch random.int(0...2) {
            case 0: return .all(parts)
            case 1: return .any(parts)
            default: return .not(try condition(depth: depth - 1, &random))
            }
        }
        let fact = Fact.allCases[random.int(0...(Fact.allCases.count - 1))]
        let op = ConditionOperator.allCases[random.int(0...(ConditionOperator.allCases.count - 1))]
        return .test(fact, op, try testValue(for: fact, op, &random))
    }

    /// Random facts of each fact's type, a fifth of them absent.
    static func facts(_ random: inout SplitMix64) -> [Fact: FactValue] {
        var facts: [Fact: FactValue] = [:]
        for fact in Fact.allCases where !random.chance(20) {
            facts[fact] = switch fact.type {
            case .string: .string(texts[random.int(0...(texts.count - 1))])
            case .aiLevel: .ai(AIUseLevel.allCases[random.int(0...3)])
            case .competencyLevel: .level(CompetencyLevel.allCases[random.int(0...3)])
            case .bool: .bool(random.chance(50))
            case .dataClasses: .dataClasses(DataClasses(rawValue: UInt8(random.int(0...7))))
            case .number: .number(random.int(-1...3))
            case .keywords: .keywords(Keywords(bits: UInt8(random.int(0...((1 << (fact.vocabulary?.count ?? 0)) - 1))), of: fact))
            }
        }
        return facts
    }

    @Test("a program holds exactly when its condition does, for random conditions and facts")
    func agreesWithConditions() throws {
        var random = SplitMix64(state: 2026)
        var program = ConditionProgram()
        var conditions: [(condition: CompiledCondition, start: Int)] = []
        // Many conditions in one program, as the checker builds it: each must evaluate on its own.
        for _ in 0..<600 {
            let condition = try Self.condition(depth: 3, &random)
            conditions.append((condition, program.append(condition)))
        }
        var held = 0
        for _ in 0..<40 {
            let facts = Self.facts(&random)
            let source = FactFunction { facts[$0] ?? .missing }
            for (condition, start) in conditions {
                let expected = condition.holds(source)
                #expect(program.holds(at: start, source) == expected, "\(condition) on \(facts)")
                if expected { held += 1 }
            }
        }
        // Both outcomes were exercised, not one of them throughout.
        #expect(held > 2_000 && held < 22_000)
    }

    @Test("masks cover every value of the ordered scales")
    func masks() {
        var program = ConditionProgram()
        let atLeast = program.append(.test(.stepAI, .atLeast, .ai(.aiDrafted)))
        let noPHI = program.append(.not(.test(.stepData, .contains, .dataClass(.phi))))
        let present = program.append(.test(.reviewerLevel, .exists, .bool(false)))
        let holds = { (start: Int, fact: Fact, value: FactValue) in
            program.holds(at: start, FactFunction { $0 == fact ? value : .missing })
        }
        #expect(AIUseLevel.allCases.map { holds(atLeast, .stepAI, .ai($0)) } == [false, false, true, true])
        #expect(!holds(atLeast, .stepAI, .missing))
        #expect(holds(noPHI, .stepData, .dataClasses(DataClasses([.none, .deidentified]))))
        #expect(!holds(noPHI, .stepData, .dataClasses(DataClasses([.phi]))))
        #expect(holds(present, .reviewerLevel, .missing))
        #expect(!holds(present, .reviewerLevel, .level(.emerging)))
    }

    @Test("numbers compare through their side table; keyword lists are masks over the fact's vocabulary")
    func numbersAndKeywords() {
        var program = ConditionProgram()
        let atMost = program.append(.test(.stepRecordingRetention, .atMost, .number(30)))
        let notThirty = program.append(.test(.stepRecordingRetention, .notEquals, .number(30)))
        let affect = program.append(.test(.stepRecordingAnalysis, .contains, .keyword("affect")))
        let holds = { (start: Int, fact: Fact, value: FactValue) in
            program.holds(at: start, FactFunction { $0 == fact ? value : .missing })
        }
        #expect([0, 29, 30, 31, 365].map { holds(atMost, .stepRecordingRetention, .number($0)) } == [true, true, true, false, false])
        #expect(!holds(atMost, .stepRecordingRetention, .missing))
        #expect(holds(notThirty, .stepRecordingRetention, .number(31)) && !holds(notThirty, .stepRecordingRetention, .number(30)))
        let analysis = { (words: [RecordingAnalysis]) in FactValue.keywords(Keywords(words, of: .stepRecordingAnalysis)) }
        #expect(holds(affect, .stepRecordingAnalysis, analysis([.transcript, .affect])))
        #expect(!holds(affect, .stepRecordingAnalysis, analysis([.transcript, .summary, .assessment])))
        #expect(!holds(affect, .stepRecordingAnalysis, .missing))
    }
}
