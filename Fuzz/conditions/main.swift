// Fuzz target conditions: a rule's `when` compiled and evaluated. The input is a condition in YAML
// (what a policy rule's `when:` holds), optionally followed by a line `---` and a mapping of fact names
// to values, the step it is evaluated on (facts not given are absent; those every step has get a
// default). The condition is decoded and compiled as a policy's are, then evaluated as the checker
// (holds, residual after fixing facts), `tacet explain` (explain, matched texts) and `tacet lint`
// (ConditionAnalysis) do, and the three must agree. Built and run by Scripts/fuzz.sh; not part of the package.
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetYAML

private let parser = YAMLParser(limits: .default)

/// The input split at its first `\n---\n`: the condition, and the facts when given.
private func parts(of bytes: [UInt8]) -> (condition: [UInt8], facts: [UInt8]?) {
    let separator = Array("\n---\n".utf8)
    guard bytes.count >= separator.count else { return (bytes, nil) }
    for index in 0...(bytes.count - separator.count) where bytes[index..<index + separator.count].elementsEqual(separator) {
        return (Array(bytes[...index]), Array(bytes[(index + separator.count)...]))
    }
    return (bytes, nil)
}

/// A fact's value read from a YAML node by the fact's type; nil when the node is not such a value.
private func value(of fact: Fact, from node: Node) -> FactValue? {
    switch fact.type {
    case .string: return node.string.map(FactValue.string)
    case .bool: return node.scalar?.bool.map(FactValue.bool)
    case .aiLevel: return node.string.flatMap(AIUseLevel.init(rawValue:)).map(FactValue.ai)
    case .competencyLevel: return node.string.flatMap(CompetencyLevel.init(rawValue:)).map(FactValue.level)
    case .dataClasses:
        let names = node.sequence?.compactMap(\.string) ?? node.string.map { [$0] } ?? []
        return .dataClasses(DataClasses(names.compactMap(DataClass.init(rawValue:))))
    case .number: return node.string.flatMap { Int($0) }.map(FactValue.number)
    case .keywords:
        let names = node.sequence?.compactMap(\.string) ?? node.string.map { [$0] } ?? []
        let vocabulary = fact.vocabulary ?? []
        let bits = names.reduce(UInt8(0)) { bits, name in vocabulary.firstIndex(of: name).map { bits | UInt8(1) << $0 } ?? bits }
        return .keywords(Keywords(bits: bits, of: fact))
    }
}

/// The step's facts: those the input gives, and a default for each fact every step has.
private func facts(from bytes: [UInt8]?) -> [Fact: FactValue] {
    var facts: [Fact: FactValue] = [:]
    for fact in Fact.allCases where fact.alwaysPresent {
        facts[fact] = switch fact.type {
        case .aiLevel: .ai(.aiAssisted)
        case .competencyLevel: .level(.proficient)
        case .bool: .bool(false)
        case .dataClasses: .dataClasses(DataClasses(.none))
        case .string: .string("x")
        case .number: .number(0)
        case .keywords: .keywords(Keywords(bits: 0, of: fact))
        }
    }
    guard let bytes, let entries = (try? parser.parse(bytes))?.mapping else { return facts }
    for entry in entries {
        guard let name = entry.key.scalar?.value, let fact = Fact(rawValue: name), let value = value(of: fact, from: entry.value) else {
            continue
        }
        facts[fact] = value
    }
    return facts
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let (conditionBytes, factBytes) = parts(of: bytes)
    guard let root = try? parser.parse(conditionBytes) else { return 0 }
    var context = DecodingContext(file: "policy.yaml")
    guard let condition = Condition.decode(root, at: "", in: &context) else { return 0 }
    var diagnostics: [Diagnostic] = []
    guard let compiled = ConditionCompiler.compile(condition, file: "policy.yaml", root: root, into: &diagnostics) else {
        _ = DiagnosticRenderer(source: { _ in conditionBytes }).render(diagnostics)
        return 0
    }
    let known = facts(from: factBytes)
    let step = FactFunction { known[$0] ?? .missing }
    let holds = compiled.holds(step)
    var lines: [String] = []
    guard compiled.explain(step, into: &lines) == holds else { fatalError("explain and holds disagree") }
    if holds { _ = compiled.matchedTexts(step).map(\.description) }
    // The checker settles a condition per task by fixing some facts first: the residual must agree.
    var every: [Fact: FactValue] = [:]
    for fact in Fact.allCases { every[fact] = known[fact] ?? .missing }
    guard compiled.residual(fixing: every) == .always(holds) else { fatalError("residual with every fact fixed disagrees with holds") }
    let some = every.filter { $0.key.rawValue.hasPrefix("task.") || $0.key.rawValue.hasPrefix("workflow.") }
    switch compiled.residual(fixing: some) {
    case .always(let settled): guard settled == holds else { fatalError("residual settled the condition wrongly") }
    case .depends(let rest): guard rest.holds(step) == holds else { fatalError("the residual's rest disagrees with holds") }
    }
    // The linter's claims are certain only: a condition it says never holds must not hold here.
    let analysis = ConditionAnalysis()
    if analysis.canHold(compiled) == false, holds { fatalError("lint says the condition never holds, but it holds") }
    if analysis.alwaysHolds(compiled) == true, !holds { fatalError("lint says the condition always holds, but it does not") }
    return 0
}
