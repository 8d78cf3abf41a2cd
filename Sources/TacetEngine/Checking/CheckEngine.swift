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
        let judgement = Judgement(documents: documents, choice: PolicyChoice(policies, governing: governing), stepChoice: PolicyChoice(policies),
                                  checkers: CheckerCache(roster: roster, today: today), loader: WorkspaceLoader(limits: workspace.limits),
                                  excepted: excepted, retaining: retaining, collectSteps: retaining.contains(.stepsWithAI) || hasPlans,
                                  keepsSummaries: !excepted.isEmpty || !retaining.isDisjoint(with: [.documents, .outlines]))
        let workflows = items.filter { $0.kind != .learningPlan }
        let planItems = items.filter { $0.kind == .learningPlan }
        // Each result is boxed and released as it is folded below: ten thousand results are never held twice.
        var judgedWorkflows = Parallel.map(workflows.count) { Optional(Judgement.Box(judgement.judge(workflows[$0]))) }
        var steps: [AIStep] = []
        for judged in judgedWorkflows {
            guard let judged, !judged.result.steps.isEmpty else { continue }
            steps += judged.result.steps
            judged.result.steps = []
        }
        let auditor = PlanAuditor(documents: documents, roster: roster, policies: policies, steps: steps, today: today)
        var judgedPlans = Parallel.map(planItems.count) { Optional(Judgement.Box(judgement.judge(planItems[$0], auditor: auditor))) }

        // Workflows' findings in file order, each workflow's in line order, then the plans' in load order:
        // the whole list is then in order and the report's one sort finds nothing to do.
        var findings: [Diagnostic] = []
        for index in workflows.indices.sorted(by: { (workflows[$0].file, $0) < (workflows[$1].file, $1) }) {
            guard let judged = judgedWorkflows[index] else { continue }
            findings += judged.result.findings
            judged.result.findings = []
        }
        for judged in judgedPlans {
            guard let judged else { continue }
            findings += judged.result.findings
            judged.result.findings = []
        }
        findings += rosterFindings
        var check = EngineCheck(findings: findings, problems: problems, policies: policies,
                                documents: documents, workflowsChecked: 0, plansChecked: 0, today: today)
        findings = []
        var names: [DocumentName] = []
        var unloaded = workspace.unloaded.filter { !excluding.contains($0.file) }
        // Both passes' items are in file order: merged, they are the run's order.
        var (nextWorkflow, nextPlan) = (0, 0)
        while nextWorkflow < workflows.count || nextPlan < planItems.count {
            let isWorkflow = nextPlan == planItems.count
                || (nextWorkflow < workflows.count && workflows[nextWorkflow].order <= planItems[nextPlan].order)
            let box = isWorkflow ? judgedWorkflows[nextWorkflow] : judgedPlans[nextPlan]
            if isWorkflow {
                judgedWorkflows[nextWorkflow] = nil
                nextWorkflow += 1
            } else {
                judgedPlans[nextPlan] = nil
                nextPlan += 1
            }
            // invariant: every slot holds its box until this loop, the one place that empties it.
            guard let result = box?.result else { continue }
            check.problems += result.problems
            names += result.name.map { [$0] } ?? []
            if let file = result.unloaded { unloaded.append(file) }
            if let document = result.checked { check.checked.append(document) }
            if let file = result.unchecked { check.uncheckedWorkflows.append(file) }
            if let (file, lines) = result.quoted { check.quoted[file] = lines }
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
