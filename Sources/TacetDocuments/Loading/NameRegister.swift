import TacetDiagnostics

/// The names of the documents of a run seen so far, by kind, with where each was first written: tells, one
/// document at a time, whether a name is taken, without a list of every document's name. A streaming check
/// keeps one of these where it kept every released document's ``DocumentName``.
public struct NameRegister: Sendable {
    private struct Key: Hashable {
        var kind: DocumentKind
        var name: String
    }

    /// Where each name was first written; most names are short enough to be held without an allocation.
    private var first: [Key: SourceLocation] = [:]

    /// An empty register.
    public init() {}

    /// Adds `name`: nil when it is new, else the error ``WorkspaceLoader/duplicateNames(_:)`` reports on it.
    public mutating func add(_ name: DocumentName) -> Diagnostic? {
        let key = Key(kind: name.kind, name: name.name)
        guard let earlier = first[key] else {
            first[key] = name.location
            return nil
        }
        return WorkspaceLoader.duplicate(name, firstNamedAt: earlier)
    }
}
