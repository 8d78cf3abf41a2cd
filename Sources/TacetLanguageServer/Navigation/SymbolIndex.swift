import TacetYAML

/// Every id defined or referred to in the workspace's documents, found from their YAML trees (so that
/// a document that does not decode yet, mid-edit, still has its references found).
package struct SymbolIndex: Sendable {
    /// Every occurrence, in file order.
    package private(set) var occurrences: [SymbolOccurrence] = []

    /// Indexes `documents`: each file's parsed root.
    package init(_ documents: [(file: String, root: Node)]) {
        for (file, root) in documents { index(root, file: file) }
    }

    /// The definitions of `kind` and `id` (one normally; two when two documents define it).
    package func definitions(of kind: SymbolKind, _ id: String) -> [SymbolOccurrence] {
        occurrences.filter { $0.isDefinition && $0.kind == kind && $0.id == id }
    }

    /// Every occurrence of `kind` and `id`, definitions first.
    package func occurrences(of kind: SymbolKind, _ id: String) -> [SymbolOccurrence] {
        let all = occurrences.filter { $0.kind == kind && $0.id == id }
        return all.filter(\.isDefinition) + all.filter { !$0.isDefinition }
    }

    /// The ids of `kind` defined in the workspace, sorted and each once.
    package func ids(of kind: SymbolKind) -> [String] {
        Array(Set(occurrences.filter { $0.isDefinition && $0.kind == kind }.map(\.id))).sorted()
    }

    /// The occurrences in `file`.
    package func occurrences(in file: String) -> [SymbolOccurrence] { occurrences.filter { $0.file == file } }

    private mutating func index(_ root: Node, file: String) {
        let kind = root["kind"]?.string
        switch kind {
        case "Policy":
            define(.task, in: root["tasks"], file: file)
            define(.tool, in: root["tools"], file: file)
            define(.rule, in: root["rules"], file: file)
        case "Therapist":
            if let name = root["metadata"]?["name"], let id = name.string {
                occurrences.append(SymbolOccurrence(kind: .therapist, id: id, file: file, mark: name.mark, isDefinition: true))
            }
            // The keys of levels and targets are competency areas.
            for key in ["levels", "targets"] {
                for entry in root[key]?.mapping ?? [] { refer(.area, entry.key, file: file) }
            }
        case "Catalog":
            define(.course, in: root["courses"], file: file)
        case "Framework":
            define(.area, in: root["areas"], file: file)
        default:
            break
        }
        references(in: root, file: file)
    }

    /// The `id` of each mapping in the sequence `list`, as definitions of `kind`.
    private mutating func define(_ kind: SymbolKind, in list: Node?, file: String) {
        for item in list?.sequence ?? [] {
            guard let node = item["id"], let id = node.string else { continue }
            occurrences.append(SymbolOccurrence(kind: kind, id: id, file: file, mark: node.mark, isDefinition: true))
        }
    }

    /// The references below `node`: scalars (or lists of them) under a key that names an id.
    private mutating func references(in node: Node, file: String) {
        switch node.content {
        case .scalar:
            break
        case .sequence(let items):
            for item in items { references(in: item, file: file) }
        case .mapping(let entries):
            for entry in entries {
                if let key = entry.key.string, let kind = SymbolKind.referenced(by: key) {
                    refer(kind, entry.value, file: file)
                    for item in entry.value.sequence ?? [] { refer(kind, item, file: file) }
                }
                references(in: entry.value, file: file)
            }
        }
    }

    private mutating func refer(_ kind: SymbolKind, _ node: Node, file: String) {
        guard let id = node.string, !id.isEmpty else { return }
        occurrences.append(SymbolOccurrence(kind: kind, id: id, file: file, mark: node.mark, isDefinition: false))
    }
}
