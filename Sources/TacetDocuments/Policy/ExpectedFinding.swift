import TacetDiagnostics
import TacetYAML

/// A finding a policy test expects: matched by rule id and data path, message optional.
public struct ExpectedFinding: Sendable, Hashable, NodeDecodable {
    /// The rule or requirement id.
    public var rule: String
    /// The input file, relative to the test document, when the case has several.
    public var file: String?
    /// The JSON Pointer of the offending node.
    public var path: String?
    /// The severity, when it matters.
    public var severity: Severity?
    /// Text the message must contain, when it matters.
    public var message: String?

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> ExpectedFinding? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "an expected finding", in: &context) else { return nil }
        let rule: String? = fields.required("rule", in: &context)
        let file: String? = fields.optional("file", in: &context)
        let path: String? = fields.optional("path", in: &context)
        let severity: Severity? = fields.optional("severity", in: &context)
        let message: String? = fields.optional("message", in: &context)
        fields.finish(&context)
        guard let rule else { return nil }
        if let path, JSONPointer.tokens(path) == nil {
            context.error(.invalidValue, "'\(path)' is not a JSON Pointer", at: node["path"] ?? node,
                          pointer: JSONPointer.appending("path", to: pointer), hint: "a JSON Pointer starts with /, e.g. /steps/0/reviewer")
        }
        return ExpectedFinding(rule: rule, file: file, path: path, severity: severity, message: message)
    }
}
