import TacetYAML

/// One place an id is written: where it is defined, or a reference to it.
package struct SymbolOccurrence: Sendable, Hashable {
    /// What kind of id.
    package var kind: SymbolKind
    /// The id.
    package var id: String
    /// The file it is written in.
    package var file: String
    /// Where its scalar starts.
    package var mark: Mark
    /// Whether this is the definition.
    package var isDefinition: Bool
}
