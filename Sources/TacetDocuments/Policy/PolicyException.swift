import TacetYAML

/// An explicit, owned, expiring exception to one policy rule (kind `Exception`).
public struct PolicyException: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.exception

    /// The document's metadata.
    public var metadata: Metadata
    /// The rule id it suspends.
    public var rule: String
    /// The workflow it applies to.
    public var workflow: String
    /// The step it applies to; every step of the workflow when absent.
    public var step: String?
    /// Why the exception is justified.
    public var justification: String
    /// Who answers for it.
    public var owner: String
    /// The last day it applies.
    public var expires: CalendarDate

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> PolicyException? {
        let rule: String? = fields.required("rule", in: &context)
        let scope = fields.raw("scope")
        let justification: String? = fields.required("justification", in: &context)
        let owner: String? = fields.required("owner", in: &context)
        let expires: CalendarDate? = fields.required("expires", in: &context)
        guard let scope else {
            context.error(.missingKey, "the document is missing required key 'scope'", at: fields.node, pointer: "")
            return nil
        }
        guard var scopeFields = MappingFields(scope, at: "/scope", what: "the scope", in: &context) else { return nil }
        let workflow: String? = scopeFields.required("workflow", in: &context)
        let step: String? = scopeFields.optional("step", in: &context)
        scopeFields.finish(&context)
        guard let rule, let workflow, let justification, let owner, let expires else { return nil }
        return PolicyException(metadata: metadata, rule: rule, workflow: workflow, step: step,
                               justification: justification, owner: owner, expires: expires)
    }
}
