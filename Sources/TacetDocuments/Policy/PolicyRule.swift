import TacetDiagnostics
import TacetYAML

/// A policy rule: when its condition holds for a step, it reports a finding.
public struct PolicyRule: Sendable, Hashable, NodeDecodable {
    /// The rule id findings carry.
    public var id: String
    /// How serious a finding is.
    public var severity: Severity
    /// When the rule fires.
    public var when: Condition
    /// What the finding says.
    public var message: String
    /// How to fix it.
    public var hint: String?
    /// The rule itself in plain words ("Client data goes to AI only with the client's consent."), which
    /// the handbook shows; `message` describes a breach of it.
    public var statement: String?
    /// The step fact (e.g. `step.tool`) whose node a finding points at; the step when absent.
    public var at: String?
    /// Citation ids.
    public var cite: [String]
    /// Where the rule is in its document.
    public var pointer: String

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> PolicyRule? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a rule", in: &context) else { return nil }
        let id = fields.id(in: &context)
        let severity: Severity? = fields.required("severity", in: &context)
        let when: Condition? = fields.required("when", in: &context)
        let message: String? = fields.required("message", in: &context)
        let hint: String? = fields.optional("hint", in: &context)
        let statement: String? = fields.optional("statement", in: &context)
        let at: String? = fields.optional("at", in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let id, let severity, let when, let message else { return nil }
        return PolicyRule(id: id, severity: severity, when: when, message: message, hint: hint, statement: statement, at: at, cite: cite, pointer: pointer)
    }
}
