import TacetDiagnostics
import TacetDocuments

/// A run's diagnostics sorted into the documents and parts they point at, in file order: what JUnit
/// suites and the HTML report's sections are made of. Every diagnostic lands in exactly one place.
struct FileGroups {
    /// The diagnostics of one document (or of one file no checked document came from).
    struct Group {
        /// The file.
        var file: String
        /// The document's outline; nil for a file with problems but no checked document (a policy, a file that did not parse).
        var outline: DocumentOutline?
        /// Entries per part of the outline (one part, "document", when there is no outline).
        var parts: [[ReportEntry]]

        /// How the group is titled: `Workflow session-planning`, or the file.
        var title: String {
            guard let document = outline?.document else { return file }
            return "\(document.kind.rawValue) \(document.name)"
        }

        /// The name of part `index`.
        func partName(_ index: Int) -> String { outline?.parts[index].name ?? "document" }

        /// Every entry of the group.
        var entries: [ReportEntry] { parts.flatMap { $0 } }
    }

    /// Groups in file order, then document order within a file.
    private(set) var groups: [Group] = []
    /// Diagnostics with no place in a file (a plugin that could not start, say).
    private(set) var unplaced: [ReportEntry] = []

    /// Sorts the findings, suppressed findings and problems of `input` into the checked workflows and plans.
    init(_ input: ReportInput) {
        for document in input.checked {
            let outline = DocumentOutline(document)
            groups.append(Group(file: document.file, outline: outline, parts: Array(repeating: [], count: outline.parts.count)))
        }
        let entries = input.report.findings.map { ReportEntry(diagnostic: $0, role: .finding) }
            + input.report.suppressed.map { ReportEntry(diagnostic: $0.finding, role: .suppressed($0)) }
            + input.report.problems.map { ReportEntry(diagnostic: $0, role: .problem) }
        for entry in entries { place(entry) }
        groups.sort { ($0.file, $0.outline?.document.location.line ?? 0) < ($1.file, $1.outline?.document.location.line ?? 0) }
        for index in groups.indices {
            for part in groups[index].parts.indices { groups[index].parts[part].sort { $0.diagnostic < $1.diagnostic } }
        }
    }

    private mutating func place(_ entry: ReportEntry) {
        guard let location = entry.diagnostic.location else {
            unplaced.append(entry)
            return
        }
        // A file may hold several documents: the entry belongs to the last one starting at or before its line.
        let candidates = groups.indices.filter { groups[$0].file == location.file }
        let documentGroup = candidates.last { (groups[$0].outline?.document.location.line ?? 0) <= location.line } ?? candidates.first
        if let index = documentGroup {
            let part = groups[index].outline?.part(for: entry.diagnostic.pointer) ?? 0
            groups[index].parts[part].append(entry)
        } else {
            groups.append(Group(file: location.file, outline: nil, parts: [[entry]]))
        }
    }
}
