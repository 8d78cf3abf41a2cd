import TacetDiagnostics
import TacetDocuments

/// Builds the findings of one step, pointing each at the step's field it is about, and passes on to
/// `observer` what the checker consulted.
struct FindingSink<Observer: WorkflowChecker.Observer> {
    let document: LoadedDocument
    /// The step's index in the workflow; its pointer is only spelled out for a finding.
    var step: Int { didSet { stepStart = findings.count } }
    /// Where the current step's findings start in `findings`.
    private var stepStart = 0
    let policy: ResolvedPolicy
    private(set) var findings: [Diagnostic] = []
    /// Told what the checker consults; silent in `check`.
    var observer: Observer

    init(document: LoadedDocument, step: Int, policy: ResolvedPolicy, observer: Observer) {
        self.document = document
        self.step = step
        self.policy = policy
        self.observer = observer
    }

    /// Tells the observer the checker consults `requirement` for the step.
    @inline(__always) mutating func checked(_ requirement: Requirement) { observer.checked(requirement) }

    /// Tells the observer the checker does not consult `requirements` for the step, and why.
    @inline(__always) mutating func notChecked(_ requirements: Requirement..., because reason: String) {
        guard Observer.records else { return }
        for requirement in requirements { observer.notChecked(requirement, because: reason) }
    }

    /// The pointer and place of `field` of the step (the step itself when nil or absent).
    func place(_ field: String?) -> (pointer: String, location: SourceLocation) {
        let stepPointer = "/steps/\(step)"
        // A field below another (recording/consent) falls back to the part the step states (recording).
        var parts = field?.split(separator: "/") ?? []
        while !parts.isEmpty {
            let candidate = stepPointer + "/" + parts.joined(separator: "/")
            if let node = document.root.node(at: candidate) { return (candidate, node.mark.location(in: document.file)) }
            parts.removeLast()
        }
        return (stepPointer, document.location(of: stepPointer))
    }

    mutating func callAsFunction(_ requirement: Requirement, _ message: String, at field: String?, hint: String? = nil,
                                 cite: [String] = [], notes: [DiagnosticNote] = []) {
        let (pointer, location) = place(field)
        // One finding once per step, however often the step gives cause (a value listed twice).
        guard !findings[stepStart...].contains(where: {
            $0.code == requirement.id && $0.pointer == pointer && $0.message == message
        }) else { return }
        findings.append(Diagnostic(requirement, message: message, origin: .engine, location: location,
                                   pointer: pointer, hint: hint, notes: notes, citations: cite))
    }

    /// Reports that `rule` fired for the step of `context`, quoting the text any `contains` or
    /// `matches` test of it matched: worked out here, for a finding, and not while rules are evaluated.
    mutating func rule(_ rule: ResolvedRule, _ context: StepContext) {
        let (pointer, location) = place(rule.at?.stepField)
        let matched = rule.condition.matchedTexts(context).map { DiagnosticNote($0.description, at: self.location(of: $0.fact)) }
        findings.append(Diagnostic(rule: rule.id, severity: rule.rule.severity, message: rule.rule.message, origin: .engine,
                                   location: location, pointer: pointer, hint: rule.rule.hint,
                                   notes: [DiagnosticNote("rule defined here", at: rule.location)] + matched,
                                   citations: rule.rule.cite))
    }

    /// Where the workflow states `fact`, when it is a field of the step or of the workflow.
    private func location(of fact: Fact) -> SourceLocation? {
        let pointer: String? = switch fact {
        case .workflowName: "/metadata/name"
        case .workflowTeam: "/metadata/team"
        case .workflowSetting: "/setting"
        case .workflowPopulation: "/population"
        case .workflowAgeBand: "/ageBand"
        case .workflowSelfConsent: "/selfConsent"
        case .workflowFormat: "/format"
        default: fact.stepField.map { "/steps/\(step)/\($0)" }
        }
        guard let pointer, let node = document.root.node(at: pointer) else { return nil }
        return node.mark.location(in: document.file)
    }

    func taskNote(_ task: PolicyTask) -> DiagnosticNote {
        let source = policy.tasks[task.id]?.document
        return DiagnosticNote("task '\(task.id)' is classified here", at: source?.location(of: task.pointer))
    }

    func toolNote(_ tool: ApprovedTool) -> DiagnosticNote {
        let source = policy.tools[tool.id]?.document
        return DiagnosticNote("tool '\(tool.id)' is approved here", at: source?.location(of: tool.pointer))
    }
}
