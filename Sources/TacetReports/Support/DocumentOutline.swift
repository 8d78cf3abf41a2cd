import TacetDiagnostics
import TacetDocuments

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
    let document: LoadedDocument
    /// Its parts; the first is the document as a whole, which takes what no other part does.
    let parts: [Part]

    /// Outlines a workflow or learning plan; any other document has the one whole-document part.
    init(_ document: LoadedDocument) {
        self.document = document
        var parts = [Part(name: "document", pointer: "", location: document.location(of: ""))]
        switch document.document {
        case .workflow(let workflow):
            for step in workflow.steps {
                parts.append(Part(name: "step \(step.id) (\(step.task))", pointer: step.pointer, location: document.location(of: step.pointer),
                                  task: step.task))
            }
        case .learningPlan(let plan):
            for (number, item) in plan.items.enumerated() {
                parts.append(Part(name: "item \(number + 1): \(item.course) (\(item.quarter))", pointer: item.pointer,
                                  location: document.location(of: item.pointer)))
            }
        default:
            break
        }
        self.parts = parts
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
