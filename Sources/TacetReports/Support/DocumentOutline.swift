import TacetDiagnostics
import TacetDocuments
import TacetEngine

/// A checked document cut into the parts reports list one by one: the document itself, then each
/// workflow step or each plan item. A finding belongs to the part its JSON Pointer lies under.
struct DocumentOutline {
    /// One part: the whole document (pointer "") or a step or plan item.
    struct Part {
        /// How reports name it: `document`, `step draft-note (progress-note-drafting)`, `item 2: ethics-foundations (2027-Q1)`.
        var name: String
        /// The JSON Pointer its findings lie under.
        var pointer: String
        /// Where it starts.
        var location: SourceLocation
        /// The policy task a workflow step names, so reports can show the task's rationale.
        var task: String? = nil
    }

    /// The document.
    let document: CheckedDocument
    /// Its parts; the first is the document as a whole, which takes what no other part does.
    let parts: [Part]

    /// Outlines a workflow or learning plan from the parts its check kept; any other document has the
    /// one whole-document part.
    init(_ document: CheckedDocument) {
        self.document = document
        parts = [Part(name: "document", pointer: "", location: document.location)]
            + (document.parts ?? []).map { Part(name: $0.name, pointer: $0.pointer, location: $0.location, task: $0.task) }
    }

    /// The index in ``parts`` of the part `pointer` lies under (0, the whole document, when none does).
    func part(for pointer: String?) -> Int {
        guard let pointer else { return 0 }
        return parts.indices.dropFirst().first { index in
            let prefix = parts[index].pointer
            return pointer == prefix || pointer.hasPrefix(prefix + "/")
        } ?? 0
    }
}
