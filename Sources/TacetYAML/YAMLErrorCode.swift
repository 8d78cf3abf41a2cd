/// What kind of YAML problem an error is; the raw value is the diagnostic code.
public enum YAMLErrorCode: String, Sendable, Hashable, Codable {
    /// libyaml's scanner or parser refused the text.
    case syntax = "yaml.syntax"
    /// The bytes are not valid UTF-8, or hold characters YAML forbids (NUL and other controls).
    case encoding = "yaml.encoding"
    /// The file has no document.
    case emptyDocument = "yaml.empty-document"
    /// More than one document where one is expected.
    case multipleDocuments = "yaml.multiple-documents"
    /// A mapping repeats a key.
    case duplicateKey = "yaml.duplicate-key"
    /// An alias names an anchor that is not defined before it.
    case undefinedAlias = "yaml.undefined-alias"
    /// A tag outside the core schema, or a value that does not fit its tag.
    case unsupportedTag = "yaml.unsupported-tag"
    /// A `<<` merge key (YAML 1.1 only).
    case mergeKey = "yaml.merge-key"
    /// A mapping key that is a sequence or mapping.
    case complexKey = "yaml.complex-key"
    /// The input is larger than ``YAMLLimits/maxInputBytes``.
    case inputTooLarge = "yaml.limit.input-size"
    /// Nesting deeper than ``YAMLLimits/maxDepth``.
    case tooDeep = "yaml.limit.depth"
    /// More nodes than ``YAMLLimits/maxNodes``.
    case tooManyNodes = "yaml.limit.nodes"
    /// Aliases expand past ``YAMLLimits/maxAliasExpansion``.
    case aliasExpansion = "yaml.limit.alias-expansion"
    /// A value JSON cannot hold (an integer past 64 bits, `.inf`, `.nan`).
    case notRepresentableInJSON = "yaml.json-unrepresentable"
    /// libyaml could not allocate memory.
    case memory = "yaml.memory"
}
