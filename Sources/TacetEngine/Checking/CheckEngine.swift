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
    ///
    /// - Parameters:
    ///   - today: the day exceptions and training are judged on (the CLI passes the current date).
    ///   - excluding: files not to check as the team's own (policy-test inputs).
    ///   - governing: the policy every workflow is checked against, whatever it names (a policy test's
    ///     policy under test); nil to choose as `check` does.
    ///   - retaining: what to keep of each workflow and plan beyond its findings, for outputs that read it.
    public static func run(_ workspace: Workspace, today: CalendarDate, excluding: Set<String> = [],
                           governing: String? = nil, retaining: Retention = []) -> EngineCheck {
        let documents = workspace.documents.filter { !excluding.contains($0.file) }
        var problems = workspace.diagnostics
        let (policies, policyDiagnostics) = PolicyResolver.resolve(documents)
        problems += policyDiagnostics
        let roster = Roster(documents, unloaded: workspace.unloaded)
        var rosterFindings: [Diagnostic] = []
        let framework = documents.lazy.compactMap { if case .framework(let framework) = $0.document { framework } else { nil } }.first
        var excepted = Set<String>()
        for document in documents {
            switch document.document {
            case .therapist(let therapist):
                if let ended = CredentialCycle.ended(document, therapist, today: today) { rosterFindings.append(ended) }
                if let framework { problems += ProfileAreas.unknown(document, therapist, framework: framework) }
            case .exception(let exception):
                excepted.insert(exception.workflow)
            default:
                continue
            }
        }
        let items = Judgement.items(of: workspace, documents: documents, excluding: excluding)
        let plans = items.filter { $0.kind == .learningPlan && !$0.excluded }
        let judgement = Judgement(choice: PolicyChoice(policies, governing: governing), stepChoice: PolicyChoice(policies),
                                  checkers: CheckerCache(roster: roster, today: today), loader: WorkspaceLoader(limits: workspace.limits),
                                  excepted: excepted, retaining: retaining, collectSteps: retaining.contains(.stepsWithAI) || !plans.isEmpty)
        let workflows = items.filter { $0.kind != .learningPlan }
        let judgedWorkflows = Parallel.map(workflows.count) { judgement.judge(workflows[$0]) }
        let steps = judgedWorkflows.flatMap(\.steps)
        let auditor = PlanAuditor(documents: documents, roster: roster, policies: policies, steps: steps, today: today)
        let planItems = items.filter { $0.kind == .learningPlan }
        let judgedPlans = Parallel.map(planItems.count) { judgement.judge(planItems[$0], auditor: auditor) }

        // Workflows' findings in file order, each workflow's in line order, then the plans' in load order:
        // the whole list is then in order and the report's one sort finds nothing to do.
        let byFile = judgedWorkflows.indices.sorted { (workflows[$0].file, $0) < (workflows[$1].file, $1) }
        let findings = byFile.flatMap { judgedWorkflows[$0].findings } + judgedPlans.flatMap(\.findings)
        var check = EngineCheck(findings: findings + rosterFindings, problems: problems, policies: policies,
                                documents: documents, workflowsChecked: 0, plansChecked: 0, today: today)
        let judged = zip(workflows + planItems, judgedWorkflows + judgedPlans).sorted { $0.0.order < $1.0.order }.map(\.1)
        var names: [DocumentName] = []
        var unloaded = workspace.unloaded.filter { !excluding.contains($0.file) }
        for result in judged {
            check.problems += result.problems
            names += result.name.map { [$0] } ?? []
            if let file = result.unloaded { unloaded.append(file) }
            if let document = result.checked { check.checked.append(document) }
            if let file = result.unchecked { check.uncheckedWorkflows.append(file) }
            if let (file, excerpt) = result.excerpt { check.sources[file] = excerpt }
            check.workflowsChecked += result.workflowChecked ? 1 : 0
            check.plansChecked += result.planChecked ? 1 : 0
            check.streamed += result.streamed ? 1 : 0
        }
        // Files the workspace left unloaded come first, as they were found at load; a run's order is the files'.
        let order = Dictionary(workspace.files.enumerated().map { ($1, $0) }) { first, _ in first }
        check.unloaded = unloaded.enumerated().sorted { (order[$0.1.file] ?? $0.0, $0.0) < (order[$1.1.file] ?? $1.0, $1.0) }.map(\.1)
        check.problems += WorkspaceLoader.duplicateNames(names)
        check.stepsWithAI = retaining.contains(.stepsWithAI) ? steps : []
        return check
    }
}
