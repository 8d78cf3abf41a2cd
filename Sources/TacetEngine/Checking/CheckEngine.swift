import TacetDiagnostics
import TacetDocuments

/// The policy engine as a library call: resolves policies, checks every workflow against its policy and
/// the roster, and audits learning plans.
public enum CheckEngine {
    /// Checks the documents of `workspace` and applies their exceptions: the whole judgement when no
    /// plugin runs (benchmarks, tests). `tacet check` runs ``run(_:today:excluding:governing:retaining:)``
    /// and applies exceptions itself, after its plugins.
    public static func check(_ workspace: Workspace, today: CalendarDate, excluding: Set<String> = []) -> CheckReport {
        run(workspace, today: today, excluding: excluding).report()
    }

    /// The engine's judgement of the documents of `workspace`, before exceptions: resolves policies,
    /// checks every workflow against its policy and the roster, audits every learning plan, and reports
    /// every therapist whose credential cycle has ended.
    ///
    /// Workflows and learning plans are judged one at a time on every core, whether the workspace holds
    /// them or only names them (``Workspace/deferred``): a deferred file is loaded, judged and released,
    /// and only what the outputs read of it is kept (``CheckedDocument``, its findings, the source lines
    /// they quote). Workflows come first, so that plans are audited against every workflow's AI steps.
    /// They are judged a window at a time and each window's results folded into the check at once, so
    /// that no list of every document's result is held beside what the check keeps of them.
    ///
    /// - Parameters:
    ///   - today: the day exceptions and training are judged on (the CLI passes the current date).
    ///   - excluding: files not to check as the team's own (policy-test inputs).
    ///   - governing: the policy every workflow is checked against, whatever it names (a policy test's
    ///     policy under test); nil to choose as `check` does.
    ///   - retaining: what to keep of each workflow and plan beyond its findings, for outputs that read it.
    ///   - handoff: where to hand the loaded workflows and plans of some kinds before they are released
    ///     (checker plugins); nil for none.
    public static func run(_ workspace: Workspace, today: CalendarDate, excluding: Set<String> = [],
                           governing: String? = nil, retaining: Retention = [], handoff: DocumentHandoff? = nil) -> EngineCheck {
        let documents = workspace.documents.filter { !excluding.contains($0.file) }
        var problems = workspace.diagnostics
        let (policies, policyDiagnostics) = PolicyResolver.resolve(documents)
        problems += policyDiagnostics
        let roster = Roster(documents, unloaded: workspace.unloaded)
        var rosterFindings: [Diagnostic] = []
        let framework = documents.lazy.compactMap { if case .framework(let framework) = $0.document { framework } else { nil } }.first
        let requirements = documents.compactMap { if case .requirements(let rules) = $0.document { rules } else { nil } }
        var excepted = Set<String>()
        for document in documents {
            switch document.document {
            case .therapist(let therapist):
                if let ended = CredentialCycle.ended(document, therapist, today: today) { rosterFindings.append(ended) }
                if let framework { problems += ProfileAreas.unknown(document, therapist, framework: framework) }
                problems += ProfileReferences.unknown(document, therapist, requirements: requirements)
            case .exception(let exception):
                excepted.insert(exception.workflow)
            default:
                continue
            }
        }
        let items = Judgement.items(of: workspace, documents: documents, excluding: excluding)
        let hasPlans = items.contains { $0.kind == .learningPlan && !$0.excluded }
        var setup = Judgement(documents: documents, choice: PolicyChoice(policies, governing: governing), stepChoice: PolicyChoice(policies),
                                  checkers: CheckerCache(roster: roster, today: today), loader: WorkspaceLoader(limits: workspace.limits),
                                  excepted: excepted, retaining: retaining, collectSteps: retaining.contains(.stepsWithAI) || hasPlans,
                                  keepsSummaries: !excepted.isEmpty || !retaining.isDisjoint(with: [.documents, .outlines]))
        // Indices into `items`, not copies of them: ten thousand items are held once.
        let workflows = items.indices.filter { items[$0].kind != .learningPlan }
        let planItems = items.indices.filter { items[$0].kind == .learningPlan }
        // The documents handed on, in the order they will be: workflows, then plans, each pass in file order.
        var planned: [DeferredFile] = []
        if let handoff {
            setup.handing = handoff.kinds
            setup.sources = workspace.sources
            for item in (workflows + planItems).lazy.map({ items[$0] }) where !item.excluded && handoff.kinds.contains(item.kind) {
                planned.append(DeferredFile(file: item.file, kind: item.kind, order: item.order, size: item.size))
            }
            handoff.plan(planned)
        }
        let judgement = setup

        var check = EngineCheck(findings: [], problems: problems, policies: policies,
                                documents: documents, workflowsChecked: 0, plansChecked: 0, today: today)
        var steps: [AIStep] = []
        var names = NameRegister()
        var unloaded: [(order: Int, file: UnloadedFile)] = []
        var checked: [(order: Int, document: CheckedDocument)] = []
        var handed = 0
        /// Judges the items at `list` a window at a time on every core and folds each window's results into the check in order.
        func pass(_ list: [Int], auditor: PlanAuditor?) {
            let window = handoff?.window ?? 256
            for start in stride(from: 0, to: list.count, by: window) {
                let slice = list[start..<min(start + window, list.count)].map { items[$0] }
                let positions = slice.map { item -> Int in
                    guard !item.excluded, judgement.handing.contains(item.kind) else { return -1 }
                    handed += 1
                    return handed - 1
                }
                let results = Parallel.map(slice.count) { judgement.judge(slice[$0], position: positions[$0], auditor: auditor) }
                var documents: [DocumentHandoff.Document] = []
                for (item, result) in zip(slice, results) {
                    check.findings += result.findings
                    check.problems += result.problems
                    if let name = result.name, let duplicate = names.add(name) { check.problems.append(duplicate) }
                    if let file = result.unloaded { unloaded.append((item.order, file)) }
                    if let document = result.checked { checked.append((item.order, document)) }
                    if let file = result.unchecked { check.uncheckedWorkflows.append(file) }
                    if let (file, lines) = result.quoted { check.quoted[file] = lines }
                    check.workflowsChecked += result.workflowChecked ? 1 : 0
                    check.plansChecked += result.planChecked ? 1 : 0
                    check.streamed += result.streamed ? 1 : 0
                    steps += result.steps
                    if let document = result.handed { documents.append(document) }
                }
                handoff?.receive(documents, handed)
            }
        }
        pass(workflows, auditor: nil)
        pass(planItems, auditor: PlanAuditor(documents: documents, roster: roster, policies: policies, steps: steps, today: today))
        check.findings += rosterFindings
        // Files the workspace left unloaded come first, as they were found at load; a run's order is the files'.
        var found = workspace.unloaded.filter { !excluding.contains($0.file) }
        if !unloaded.isEmpty {
            let wanted = Set(found.map(\.file))
            var order: [String: Int] = [:]
            if !wanted.isEmpty {
                for (index, file) in workspace.files.enumerated() where wanted.contains(file) && order[file] == nil { order[file] = index }
            }
            let all = found.enumerated().map { (order[$1.file] ?? $0, $1) } + unloaded.map { ($0.order, $0.file) }
            found = all.enumerated().sorted { ($0.1.0, $0.0) < ($1.1.0, $1.0) }.map(\.1.1)
        }
        check.unloaded = found
        check.checked = checked.enumerated().sorted { ($0.1.order, $0.0) < ($1.1.order, $1.0) }.map(\.1.document)
        check.stepsWithAI = retaining.contains(.stepsWithAI) ? steps : []
        return check
    }
}
