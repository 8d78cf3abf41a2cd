import TacetDiagnostics

/// Problems with the YAML itself: `yaml.*` codes, each an input error.
public enum YAMLErrorCode: String, Sendable, Hashable, Codable, CaseIterable, DiagnosticCode {
    case syntax = "yaml.syntax"
    case encoding = "yaml.encoding"
    case emptyDocument = "yaml.empty-document"
    case multipleDocuments = "yaml.multiple-documents"
    case duplicateKey = "yaml.duplicate-key"
    case undefinedAlias = "yaml.undefined-alias"
    case unsupportedTag = "yaml.unsupported-tag"
    case mergeKey = "yaml.merge-key"
    case complexKey = "yaml.complex-key"
    case inputTooLarge = "yaml.limit.input-size"
    case tooDeep = "yaml.limit.depth"
    case tooManyNodes = "yaml.limit.nodes"
    case aliasExpansion = "yaml.limit.alias-expansion"
    case notRepresentableInJSON = "yaml.json-unrepresentable"
    case memory = "yaml.memory"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .syntax: "libyaml's scanner or parser refused the text"
        case .encoding: "the bytes are not valid UTF-8, or hold characters YAML forbids (NUL and other controls)"
        case .emptyDocument: "the file has no document"
        case .multipleDocuments: "more than one document where one is expected"
        case .duplicateKey: "a mapping repeats a key"
        case .undefinedAlias: "an alias names an anchor that is not defined before it"
        case .unsupportedTag: "a tag outside the core schema, or a value that does not fit its tag"
        case .mergeKey: "a `<<` merge key (YAML 1.1 only)"
        case .complexKey: "a mapping key that is a sequence or mapping"
        case .inputTooLarge: "the input is larger than the `maxInputBytes` limit"
        case .tooDeep: "nesting deeper than the `maxDepth` limit"
        case .tooManyNodes: "more nodes than the `maxNodes` limit"
        case .aliasExpansion: "aliases expand past the `maxAliasExpansion` (nodes) or `maxAliasBytes` (text) limit"
        case .notRepresentableInJSON: "a value JSON cannot hold (an integer past 64 bits, `.inf`, `.nan`)"
        case .memory: "libyaml could not allocate memory"
        }
    }

    /// The severity these codes are reported with.
    public var defaultSeverity: Severity { .error }
}
