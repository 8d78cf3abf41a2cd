import TacetDiagnostics
import TacetDocuments

/// A workflow or learning plan once checked: what the exceptions and the report formats read of it,
/// kept after its tree and decoded steps are released.
public struct CheckedDocument: Sendable {
    /// One part reports list apart: a workflow step or a plan item.
    public struct Part: Sendable {
        /// How reports name it: `step draft-note (progress-note-drafting)`, `item 2: ethics-foundations (2027-Q1)`.
        public var name: String
        /// The JSON Pointer its findings lie under.
        public var pointer: String
        /// Where it starts.
        public var location: SourceLocation
        /// The policy task a workflow step names, so reports can show the task's rationale.
        public var task: String?
    }

    /// The file it came from.
    public var file: String
    /// Its kind: workflow or learning plan.
    public var kind: DocumentKind
    /// Its name.
    public var name: String
    /// Where it starts.
    public var location: SourceLocation
    /// The team a workflow names.
    public var team: String?
    /// The policy a workflow names.
    public var policy: String?
    /// A learning plan, decoded: the HTML report draws it, and there is one per therapist at most.
    public var plan: LearningPlan?
    /// A workflow's step ids in order, kept when an exception names the workflow (to judge its `step` scope).
    public var stepIDs: [String]?
    /// Its steps or items, kept when a report lists them (``Retention/outlines``); nil otherwise.
    public var parts: [Part]?
    /// Who a workflow's clients are, for the consent rules (``Workflow/clientSummary``); nil when it says nothing.
    public var clients: String?

    /// The summary of `document` (a workflow or learning plan); `outline` keeps its parts and `steps` a
    /// workflow's step ids.
    public init(_ document: LoadedDocument, outline: Bool, steps: Bool) {
        file = document.file
        kind = document.kind
        name = document.name
        location = document.location(of: "")
        switch document.document {
        case .workflow(let workflow):
            team = workflow.metadata.team
            policy = workflow.policy
            clients = workflow.clientSummary
            if steps { stepIDs = workflow.steps.map(\.id) }
            if outline {
                parts = workflow.steps.map { step in
                    Part(name: "step \(step.id) (\(step.task))", pointer: step.pointer, location: document.location(of: step.pointer),
                         task: step.task)
                }
            }
        case .learningPlan(let plan):
            self.plan = plan
            if outline {
                parts = plan.items.enumerated().map { number, item in
                    Part(name: "item \(number + 1): \(item.course) (\(item.quarter))", pointer: item.pointer,
                         location: document.location(of: item.pointer))
                }
            }
        default:
            break
        }
    }
}
