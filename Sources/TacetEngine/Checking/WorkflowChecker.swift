import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// Checks one workflow's steps against a resolved policy and the roster: the built-in requirements
/// of the task table and tool registry first, then every rule. What it consults and decides at a step
/// goes to an ``Observer``: silent in `check`, recorded by `tacet explain`.
public struct WorkflowChecker: Sendable {
    /// The policy in force.
    public let policy: ResolvedPolicy
    /// The roster.
    public let roster: Roster
    /// The day training is judged current on.
    public let today: CalendarDate
    /// For each task, the rules that can hold for one of its steps, each with where what is left of
    /// its condition, once the task's own facts are known, starts in `program` (nil: it holds for
    /// every step of the task). A rule that cannot hold for a task (say, it tests another task) is
    /// never evaluated for it.
    private let candidates: [String: [(rule: Int, start: Int?)]]
    /// Every rule with its whole condition, for steps of a task the policy does not classify.
    private let unclassified: [(rule: Int, start: Int?)]
    /// The conditions left to evaluate, flattened for speed.
    private let program: ConditionProgram
    /// Each rule that can hold for a task's steps (``candidates``) with what is left of its condition, kept
    /// to specialize from.
    private let residuals: (byTask: [String: [Candidate]], unclassified: [Candidate])
    /// What the contexts of every step refer to, made once and shared with specialized checkers.
    private let parts: Parts

    /// The workflow facts (team, setting, ...) that some rule still reads once the task is known:
    /// ``specialized(to:)`` settles them for one workflow's values.
    public let workflowFacts: [Fact]
    /// The workflow facts this checker was specialized to (empty: none).
    private let fixed: [Fact: FactValue]

    /// Creates a checker, sorting out once which rules can apply to which task; training is judged
    /// current on `today`.
    public init(policy: ResolvedPolicy, roster: Roster, today: CalendarDate) {
        // What is left of each rule with nothing known: the candidates for steps of an unknown task, and for every
        // task those of the rules that read no task fact (most of a large policy's rules read the step's task and
        // fail at once for the others; the rest would otherwise be worked out again, the same, for every task).
        let unclassified = policy.rules.indices.map { index in
            Self.candidate(index, policy.rules[index].condition, fixing: [:], anyTask: true)
        }
        let taskFacts = StepContext.taskFacts.union([.stepTask])
        let readsTask = policy.rules.map { !taskFacts.isDisjoint(with: $0.condition.facts) }
        var byTask: [String: [Candidate]] = [:]
        for (id, task) in policy.tasks {
            let facts = StepContext.taskFacts(task.value).merging([.stepTask: .string(id)]) { $1 }
            byTask[id] = policy.rules.indices.compactMap { readsTask[$0] ? Self.candidate($0, policy.rules[$0].condition, fixing: facts) : unclassified[$0] }
        }
        let parts = Parts(tasks: policy.tasks.mapValues { Shared($0.value) }, tools: policy.tools.mapValues { Shared($0.value) },
                          therapists: roster.therapists.mapValues { Shared($0) }, nothing: (Shared(nil), Shared(nil), Shared(nil)),
                          people: Shared(PeoplePolicy(policy)))
        self.init(policy: policy, roster: roster, today: today, fixed: [:], residuals: (byTask, unclassified.compactMap { $0 }), parts: parts)
    }

    private init(policy: ResolvedPolicy, roster: Roster, today: CalendarDate, fixed: [Fact: FactValue],
                 residuals: (byTask: [String: [Candidate]], unclassified: [Candidate]), parts: Parts) {
        self.policy = policy
        self.roster = roster
        self.today = today
        self.fixed = fixed
        self.residuals = residuals
        self.parts = parts
        var program = ConditionProgram()
        var read = Set<Fact>()
        // A rule's candidate for any task (a rule on the team, the tool, the AI level) is flattened once and
        // shared by every task: a shorter program, and less of it to keep in cache while checking.
        var anyTaskStarts: [Int: Int] = [:]
        func start(_ candidate: Candidate) -> (rule: Int, start: Int?) {
            guard let rest = candidate.rest else { return (candidate.rule, nil) }
            if candidate.anyTask, let start = anyTaskStarts[candidate.rule] { return (candidate.rule, start) }
            read.formUnion(rest.facts)
            let start = program.append(rest)
            if candidate.anyTask { anyTaskStarts[candidate.rule] = start }
            return (candidate.rule, start)
        }
        candidates = residuals.byTask.mapValues { $0.map(start) }
        unclassified = residuals.unclassified.map(start)
        self.program = program
        workflowFacts = Fact.allCases.filter { read.contains($0) && StepContext.workflowFacts.contains($0) }
    }

    /// Rule `index` with what is left of `condition` once `facts` are known (nil: it holds); nil when it cannot hold.
    private static func candidate(_ index: Int, _ condition: CompiledCondition, fixing facts: [Fact: FactValue],
                                  anyTask: Bool = false) -> Candidate? {
        switch condition.residual(fixing: facts) {
        case .always(false): nil
        case .always(true): Candidate(rule: index, rest: nil, anyTask: anyTask)
        case .depends(let rest): Candidate(rule: index, rest: rest, anyTask: anyTask)
        }
    }

    /// This checker with the rules' tests on ``workflowFacts`` settled for `workflow`'s values. Its
    /// findings for that workflow, or any with the same values, are the same; it evaluates fewer
    /// tests per step. Worth it when many workflows share the values (a team, a setting).
    public func specialized(to workflow: Workflow) -> WorkflowChecker {
        let values = StepContext.workflowFacts(of: workflow)
        let settled = Dictionary(uniqueKeysWithValues: workflowFacts.map { ($0, values[$0] ?? .missing) })
        // What is left of each condition here, with the workflow's facts settled too: the same as settling task and
        // workflow facts at once (the two sets do not overlap, and either way the rest decides exactly the steps the
        // whole condition decides), and several times quicker than starting again from every rule's whole condition.
        func narrowed(_ candidate: Candidate) -> Candidate? {
            guard let rest = candidate.rest else { return candidate }
            return Self.candidate(candidate.rule, rest, fixing: settled, anyTask: candidate.anyTask)
        }
        // A candidate for any task is narrowed once, not once per task that lists it.
        let anyTask = Dictionary(uniqueKeysWithValues: residuals.unclassified.map { ($0.rule, narrowed($0)) })
        let byTask = residuals.byTask.mapValues { candidates in
            candidates.compactMap { $0.anyTask ? anyTask[$0.rule] ?? nil : narrowed($0) }
        }
        return WorkflowChecker(policy: policy, roster: roster, today: today, fixed: fixed.merging(settled) { $1 },
                               residuals: (byTask, residuals.unclassified.compactMap { anyTask[$0.rule] ?? nil }), parts: parts)
    }

    /// Every finding for `document`, a workflow, in step order.
    public func check(_ document: LoadedDocument, _ workflow: Workflow) -> [Diagnostic] {
        // One sink for the whole workflow: it holds the document and policy, and copying those for
        // every step cost more than checking the step.
        var emit = FindingSink(document: document, step: 0, policy: policy, observer: SilentObserver())
        let held = Shared(workflow)
        for index in workflow.steps.indices {
            emit.step = index
            check(step: index, of: held, &emit)
        }
        // All in one file: ordering by line and column is cheap here and saves a global sort.
        return emit.findings.sorted { lhs, rhs in
            let (l, r) = (lhs.location, rhs.location)
            if l?.line != r?.line { return (l?.line ?? 0) < (r?.line ?? 0) }
            if l?.column != r?.column { return (l?.column ?? 0) < (r?.column ?? 0) }
            return lhs < rhs
        }
    }

    /// The findings for the step at `index`.
    public func check(step index: Int, of document: LoadedDocument, _ workflow: Workflow) -> [Diagnostic] {
        var observer = SilentObserver()
        return check(step: index, of: document, workflow, observer: &observer)
    }

    /// The findings for the step at `index`, telling `observer` what was consulted and decided.
    func check<Observer: WorkflowChecker.Observer>(step index: Int, of document: LoadedDocument, _ workflow: Workflow,
                                                   observer: inout Observer) -> [Diagnostic] {
        var emit = FindingSink(document: document, step: index, policy: policy, observer: observer)
        check(step: index, of: Shared(workflow), &emit)
        observer = emit.observer
        return emit.findings
    }

    private func check<Observer>(step index: Int, of workflow: Shared<Workflow>, _ emit: inout FindingSink<Observer>) {
        let context = StepContext(workflow: workflow, step: index, task: parts.tasks[workflow.value.steps[index].task] ?? parts.nothing.task,
                                  tool: workflow.value.steps[index].tool.flatMap { parts.tools[$0] } ?? parts.nothing.tool,
                                  performer: parts.therapists[workflow.value.steps[index].performer] ?? parts.nothing.therapist,
                                  reviewer: workflow.value.steps[index].reviewer.flatMap { parts.therapists[$0] } ?? parts.nothing.therapist,
                                  people: parts.people)
        emit.observer.step(index, context)
        checkRequirements(context, &emit)
        // Steps of an unknown task could match any rule, so every rule is evaluated for them.
        for (rule, start) in candidates[context.step.task] ?? unclassified {
            let fired = start.map { program.holds(at: $0, context) } ?? true
            emit.observer.rule(rule, fired: fired, evaluated: start != nil)
            if fired { emit.rule(policy.rules[rule], context) }
        }
    }

    private func checkRequirements<Observer>(_ context: StepContext, _ emit: inout FindingSink<Observer>) {
        let step = context.step
        let usesAI = step.ai > .humanOnly
        checkPeople(context, &emit)
        emit.checked(.knownTask)
        guard let task = context.task else {
            emit(.knownTask, "step '\(step.id)' uses task '\(step.task)', which the policy does not classify", at: "task",
                 hint: Suggestion.closest(to: step.task, in: policy.taskOrder).map { "did you mean '\($0)'?" }
                    ?? "classify the task in the policy, or use one of its tasks")
            emit.notChecked(.aiLevel, .taskData, .review, .reviewIndependent, .reviewRole, .reviewLevel, .consent, .disclosure,
                            .training, because: "the task is unknown")
            if usesAI {
                checkTool(context, task: nil, &emit)
            } else {
                emit.notChecked(.toolNamed, .toolApproved, .toolData, .phiBAA, because: "the step uses no AI")
            }
            return
        }
        let cite = task.cite
        emit.checked(.aiLevel)
        if step.ai > task.maxAI {
            emit(.aiLevel, "step '\(step.id)' uses AI at \(step.ai.rawValue), but task '\(task.id)' allows at most \(task.maxAI.rawValue)",
                 at: "ai", hint: task.maxAI == .humanOnly ? "this task stays with people: set ai: human-only"
                    : "lower ai to \(task.maxAI.rawValue) or below", cite: cite, notes: [emit.taskNote(task)])
        }
        guard usesAI else {
            emit.notChecked(.toolNamed, .toolApproved, .toolData, .taskData, .phiBAA, .review, .reviewIndependent, .reviewRole,
                            .reviewLevel, .consent, .disclosure, .training, because: "the step uses no AI")
            return
        }
        checkTool(context, task: task, &emit)
        checkTaskData(context, task: task, &emit)
        let requires = task.requires
        if let review = requires.review {
            checkReview(context, task: task, review: review, &emit)
        } else {
            emit.notChecked(.review, .reviewIndependent, .reviewRole, .reviewLevel, because: "the task does not require review")
        }
        // Consent and disclosure: a flag the task requires and the step must record as true. The message
        // is an autoclosure so that a passing step, the common case, formats nothing.
        func flag(_ requirement: Requirement, required: Bool, recorded: Bool?, field: String,
                  _ message: @autoclosure () -> String, hint: String) {
            guard required else {
                emit.notChecked(requirement, because: "the task does not require it")
                return
            }
            emit.checked(requirement)
            if recorded != true { emit(requirement, message(), at: recorded == nil ? nil : field, hint: hint, cite: cite) }
        }
        flag(.consent, required: requires.consent, recorded: step.consent, field: "consent",
             "task '\(task.id)' requires the client's consent to AI use, and step '\(step.id)' does not record it",
             hint: "inform the client and record consent: true before AI is used")
        flag(.disclosure, required: requires.disclosure, recorded: step.disclosure, field: "disclosure",
             "task '\(task.id)' requires AI involvement to be disclosed in the record, and step '\(step.id)' does not",
             hint: "disclose AI involvement in the record and set disclosure: true")
        if requires.training.isEmpty {
            emit.notChecked(.training, because: "the task requires no training")
        } else if let performer = context.performer {
            emit.checked(.training)
            for course in requires.training { checkTraining(course, of: performer, context, task: task, &emit) }
        } else {
            emit.notChecked(.training, because: "the performer is not in the roster")
        }
    }

    private func checkTraining<Observer>(_ course: String, of performer: Therapist, _ context: StepContext, task: PolicyTask,
                                         _ emit: inout FindingSink<Observer>) {
        let who = "performer \(context.step.performer)"
        let needs = "task '\(task.id)' requires it before AI is used"
        var profile: [DiagnosticNote] {
            roster.documents[context.step.performer].map { [DiagnosticNote("\(performer.name)'s completed courses", at: $0.location(of: "/completed"))] } ?? []
        }
        switch roster.training(course, of: performer, on: today) {
        case .current:
            return
        case .missing:
            emit(.training, "\(who) has not completed '\(course)'; \(needs)", at: "performer",
                 hint: "complete '\(course)' (a learning plan can schedule it) or choose a performer who holds it",
                 cite: task.cite, notes: [emit.taskNote(task)])
        case .lapsed(let completed, let lapsed):
            emit(.training, "\(who)'s '\(course)' (completed \(completed)) lapsed on \(lapsed); \(needs)", at: "performer",
                 hint: "renew '\(course)'", cite: task.cite, notes: profile + [emit.taskNote(task)])
        case .unknownCourse(let completed):
            emit(.training, "cannot tell whether \(who)'s '\(course)' (completed \(completed)) is still current: '\(course)' is in no "
                 + "catalog among the documents checked", at: "performer",
                 hint: "add the catalog that lists '\(course)' (Curricula/catalog/) to the paths checked", cite: task.cite,
                 notes: [emit.taskNote(task)])
        }
    }

    private func checkPeople<Observer>(_ context: StepContext, _ emit: inout FindingSink<Observer>) {
        let step = context.step
        emit.checked(.knownPerson)
        let hint: (String) -> String = { [roster] name in
            if let file = roster.unloadedProfiles[name] {
                return "\(name)'s profile (\(file)) could not be loaded: fix the error reported there"
            }
            let ids = roster.therapists.keys.sorted()
            return Suggestion.closest(to: name, in: ids).map { "did you mean '\($0)'?" }
                ?? (ids.isEmpty ? "add the team's Therapist documents to the paths checked" : "add a Therapist document for them")
        }
        if context.performer == nil {
            emit(.knownPerson, "performer '\(step.performer)' is not in the roster", at: "performer", hint: hint(step.performer))
        }
        if let reviewer = step.reviewer, context.reviewer == nil {
            emit(.knownPerson, "reviewer '\(reviewer)' is not in the roster", at: "reviewer", hint: hint(reviewer))
        }
    }

    private func checkTool<Observer>(_ context: StepContext, task: PolicyTask?, _ emit: inout FindingSink<Observer>) {
        let step = context.step
        let cite = task?.cite ?? []
        emit.checked(.toolNamed)
        guard let toolID = step.tool else {
            emit(.toolNamed, "step '\(step.id)' uses AI (\(step.ai.rawValue)) but names no tool", at: nil,
                 hint: "name the approved tool with tool:", cite: cite)
            emit.notChecked(.toolApproved, .toolData, .phiBAA, because: "the step names no tool")
            return
        }
        emit.checked(.toolApproved)
        guard let tool = context.tool else {
            let approved = policy.tools.keys.sorted()
            emit(.toolApproved, "tool '\(toolID)' is not approved by policy '\(policy.name)'", at: "tool",
                 hint: Suggestion.closest(to: toolID, in: approved).map { "did you mean '\($0)'?" }
                    ?? (approved.isEmpty ? "the policy approves no tools" : "approved tools: \(approved.joined(separator: ", "))"),
                 cite: cite)
            emit.notChecked(.toolData, .phiBAA, because: "the tool is not approved")
            return
        }
        emit.checked(.toolData)
        emit.checked(.phiBAA)
        let allowed = DataClasses(tool.data)
        for (index, dataClass) in step.data.enumerated() {
            if !allowed.contains(dataClass) {
                emit(.toolData, "tool '\(tool.id)' may not receive \(dataClass.rawValue) data", at: "data/\(index)",
                     hint: "the tool may receive: \(tool.data.map(\.rawValue).joined(separator: ", "))", cite: cite,
                     notes: [emit.toolNote(tool)])
            }
            if dataClass == .phi && !tool.baa {
                emit(.phiBAA, "PHI goes to tool '\(tool.id)', which no business associate agreement covers", at: "tool",
                     hint: "de-identify the data first, or use a tool under a business associate agreement", cite: cite,
                     notes: [emit.toolNote(tool)])
            }
        }
    }

    /// The task's data classes limit what a step sends to AI at all, whichever tool it names: a
    /// missing or unapproved tool is a finding of its own, not a reason to let the data through.
    private func checkTaskData<Observer>(_ context: StepContext, task: PolicyTask, _ emit: inout FindingSink<Observer>) {
        guard let classes = task.requires.data else {
            emit.notChecked(.taskData, because: "the task does not restrict data classes")
            return
        }
        emit.checked(.taskData)
        let allowed = DataClasses(classes)
        for (index, dataClass) in context.step.data.enumerated() where !allowed.contains(dataClass) {
            emit(.taskData, "task '\(task.id)' may not send \(dataClass.rawValue) data to AI", at: "data/\(index)",
                 hint: "the task may send: \(allowed.classes.map(\.rawValue).joined(separator: ", "))", cite: task.cite,
                 notes: [emit.taskNote(task)])
        }
    }

    private func checkReview<Observer>(_ context: StepContext, task: PolicyTask, review: ReviewRequirement,
                                       _ emit: inout FindingSink<Observer>) {
        let step = context.step
        emit.checked(.review)
        let area = review.area ?? task.area
        // Messages and notes are built only when a finding needs them: this runs for every step.
        var wanted: String {
            "\(review.role == Roster.anyTherapistRole ? "a therapist" : "a \(review.role)") at \(review.minLevel.rawValue) or above in \(area)"
        }
        guard let reviewerID = step.reviewer else {
            emit(.review, "task '\(task.id)' requires review by \(wanted), and step '\(step.id)' names no reviewer", at: nil,
                 hint: "name a reviewer with reviewer:", cite: task.cite, notes: [emit.taskNote(task)])
            emit.notChecked(.reviewIndependent, .reviewRole, .reviewLevel, because: "no reviewer is named")
            return
        }
        emit.checked(.reviewIndependent)
        if reviewerID == step.performer {
            emit(.reviewIndependent, "\(reviewerID) both performs and reviews step '\(step.id)'; the reviewer must be someone else",
                 at: "reviewer", cite: task.cite)
        }
        guard let reviewer = context.reviewer else {
            // Reported by checkPeople.
            emit.notChecked(.reviewRole, .reviewLevel, because: "the reviewer is not in the roster")
            return
        }
        emit.checked(.reviewRole)
        emit.checked(.reviewLevel)
        var profile: DiagnosticNote? {
            roster.documents[reviewerID].map { DiagnosticNote("\(reviewer.name)'s profile", at: $0.location(of: "/levels")) }
        }
        if !Roster.fills(reviewer, role: review.role) {
            emit(.reviewRole, "reviewer \(reviewerID) is a \(reviewer.role); task '\(task.id)' requires review by a \(review.role)",
                 at: "reviewer", cite: task.cite, notes: [profile].compactMap { $0 })
        }
        guard let level = reviewer.levels[area] else {
            emit(.reviewLevel, "reviewer \(reviewerID) has no level in \(area) in the roster; task '\(task.id)' requires \(review.minLevel.rawValue) or above",
                 at: "reviewer", hint: "record \(reviewer.name)'s level in \(area) in their Therapist document", cite: task.cite,
                 notes: [profile].compactMap { $0 })
            return
        }
        if level < review.minLevel {
            emit(.reviewLevel, "reviewer \(reviewerID) is \(level.rawValue) in \(area); task '\(task.id)' requires review by \(wanted)",
                 at: "reviewer", hint: "choose a reviewer at \(review.minLevel.rawValue) or above in \(area)", cite: task.cite,
                 notes: [profile, emit.taskNote(task)].compactMap { $0 })
        }
    }
}
