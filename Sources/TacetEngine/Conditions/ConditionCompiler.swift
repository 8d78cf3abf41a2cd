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
            if list { return [String].decodeSet(node, at: pointer, in: &context).map { .strings(Set($0)) } }
            guard let text = String.decode(node, at: pointer, in: &context) else { return nil }
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
        }
    }
}
