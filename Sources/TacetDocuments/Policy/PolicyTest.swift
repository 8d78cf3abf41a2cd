import TacetYAML

/// Test cases for a policy (kind `PolicyTest`), run by `tacet test`.
public struct PolicyTest: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.policyTest

    /// The document's metadata.
    public var metadata: Metadata
    /// The policy under test, by name.
    public var policy: String
    /// The cases.
    public var cases: [PolicyTestCase]

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> PolicyTest? {
        let policy: String? = fields.required("policy", in: &context)
        let cases: [PolicyTestCase]? = fields.required("cases", in: &context)
        guard let policy, let cases else { return nil }
        return PolicyTest(metadata: metadata, policy: policy, cases: cases)
    }
}
