import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// Turns a policy's `when` into a ``CompiledCondition``, reporting unknown facts (with a
/// suggestion), operators that make no sense for a fact's type, and values of the wrong type.
public enum ConditionCompiler {
    /// Compiles `condition` from the policy document `root` in `file`; nil after recording errors.
    public static func compile(_ condition: Condition, file: String, root: Node,
                               into diagnostics: inout [Diagnostic]) -> CompiledCondition? {
        var context = DecodingContext(file: file)
        let compiled = compile(condition, root: root, &context)
        diagnostics += context.diagnostics
        return context.hasErrors ? nil : compiled
    }

    private static func compile(_ condition: Condition, root: Node, _ context: inout DecodingContext) -> CompiledCondition? {
        switch condition {
        case .all(let parts, _):
            let compiled = parts.map { compile($0, root: root, &context) }
            return compiled.contains { $0 == nil } ? nil : .all(compiled.compactMap { $0 })
        case .any(let parts, _):
            let compiled = parts.map { compile($0, root: root, &context) }
            return compiled.contains { $0 == nil } ? nil : .any(compiled.compactMap { $0 })
        case .not(let inner, _):
            return compile(inner, root: root, &context).map { .not($0) }
        case .test(let name, let op, let valueNode, let pointer):
            let node = root.node(at: pointer) ?? root
            guard let fact = Fact(rawValue: name) else {
                context.unknown(.undefinedReference, what: "fact", value: name, candidates: Fact.allCases.map(\.rawValue),
                                at: node["fact"] ?? node, pointer: pointer + "/fact")
                return nil
            }
            guard fact.type.operators.contains(op) else {
                context.error(.invalidValue, "operator '\(op.rawValue)' does not apply to \(fact.rawValue), a \(fact.type.rawValue)",
                              at: node["operator"] ?? node, pointer: pointer + "/operator",
                              hint: "use one of: \(fact.type.operators.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            guard let value = value(for: fact, op, valueNode, at: pointer + "/value", &context) else { return nil }
            return .test(fact, op, value)
        }
    }

    private static func value(for fact: Fact, _ op: ConditionOperator, _ node: Node?, at pointer: String,
                              _ context: inout DecodingContext) -> TestValue? {
        if op == .exists {
            guard let node else { return TestValue.none }
            return Bool.decode(node, at: pointer, in: &context).map(TestValue.bool)
        }
        // invariant: the document decoder refuses every operator but `exists` without a value.
        guard let node else { return nil }
        let list = op == .in || op == .notIn
        switch fact.type {
        case .string:
            if list {
                guard let texts = [String].decodeSet(node, at: pointer, in: &context) else { return nil }
                for (index, text) in texts.enumerated() where !known(text, of: fact, node.sequence?[index] ?? node,
                                                                    at: JSONPointer.appending(index, to: pointer), &context) {
                    return nil
                }
                return .strings(Set(texts))
            }
            guard let text = String.decode(node, at: pointer, in: &context) else { return nil }
            if op == .equals || op == .notEquals, !known(text, of: fact, node, at: pointer, &context) { return nil }
            guard op == .matches else { return .string(text) }
            do {
                return .pattern(try MatchPattern(text))
            } catch {
                context.error(.invalidValue, "'\(text)' is not a valid regular expression", at: node, pointer: pointer)
                return nil
            }
        case .bool:
            return Bool.decode(node, at: pointer, in: &context).map(TestValue.bool)
        case .aiLevel:
            if list { return [AIUseLevel].decodeSet(node, at: pointer, in: &context).map { .ais(Set($0)) } }
            return AIUseLevel.decode(node, at: pointer, in: &context).map(TestValue.ai)
        case .competencyLevel:
            if list { return [CompetencyLevel].decodeSet(node, at: pointer, in: &context).map { .levels(Set($0)) } }
            return CompetencyLevel.decode(node, at: pointer, in: &context).map(TestValue.level)
        case .dataClasses:
            return DataClass.decode(node, at: pointer, in: &context).map(TestValue.dataClass)
        case .number:
            return Int.decode(node, at: pointer, in: &context).map(TestValue.number)
        case .keywords:
            guard let word = String.decode(node, at: pointer, in: &context), known(word, of: fact, node, at: pointer, &context) else {
                return nil
            }
            return .keyword(word)
        }
    }

    /// Whether `word` is a value `fact` can take: any text for a free-text fact, a word of its
    /// vocabulary for a keyword fact (`workflow.ageBand`, `step.consentBy`); reports it in `context` if not.
    private static func known(_ word: String, of fact: Fact, _ node: Node, at pointer: String,
                              _ context: inout DecodingContext) -> Bool {
        guard let vocabulary = fact.vocabulary, !vocabulary.contains(word) else { return true }
        context.unknown(.invalidValue, what: "\(fact.rawValue) value", value: word, candidates: vocabulary, at: node, pointer: pointer)
        return false
    }
}
