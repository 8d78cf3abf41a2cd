import TacetDiagnostics
import TacetDocuments

/// The policy engine as a library call: resolves policies, checks every workflow against its policy and
/// the roster, and audits learning plans.
public enum CheckEngine {
    /// Checks the documents of `workspace` and applies their exceptions: the whole judgement when no
    /// plugin runs (benchmarks, tests). `tacet check` runs ``run(_:today:excluding:governing:)`` and
    /// applies exceptions itself, after its plugins.
    public static func check(_ workspace: Workspace, today: CalendarDate, excluding: Set<String> = []) -> CheckReport {
        run(workspace, today: today, excluding: excluding).report()
    }

    /// The engine's judgement of the documents of `workspace`, before exceptions: resolves policies,
    /// checks every workflow against its policy and the roster, audits every learning plan, and reports
    /// every therapist whose credential cycle has ended.
    ///
    /// - Parameters:
    ///   - today: the day exceptions and training are judged on (the CLI passes the current date).
    ///   - excluding: files not to check as the team's own (policy-test inputs).
    ///   - governing: the policy every workflow is checked against, whatever it names (a policy test's
    ///     policy under test); nil to choose as `check` does.
    public static func run(_ workspace: Workspace, today: CalendarDate, excluding: Set<String> = [],
                           governing: String? = nil) -> EngineCheck {
        let documents = workspace.documents.filter { !excluding.contains($0.file) }
        var problems = workspace.diagnostics
        let (policies, policyDiagnostics) = PolicyResolver.resolve(documents)
        problems += policyDiagnostics
        let roster = Roster(documents, unloaded: workspace.unloaded)
        let choice = PolicyChoice(policies, governing: governing)
        var checkers: [String: WorkflowChecker] = [:]
        var jobs: [(checker: WorkflowChecker, document: LoadedDocument, workflow: Workflow)] = []
        var plans: [(document: LoadedDocument, plan: LearningPlan)] = []
        var unchecked: [String] = []
        var rosterFindings: [Diagnostic] = []
        let framework = documents.lazy.compactMap { if case .framework(let framework) = $0.document { framework } else { nil } }.first
        for document in documents {
            switch document.document {
            case .therapist(let therapist):
                if let ended = CredentialCycle.ended(document, therapist, today: today) { rosterFindings.append(ended) }
                if let framework { problems += ProfileAreas.unknown(document, therapist, framework: framework) }
            case .workflow(let workflow):
                switch choice.choose(for: document, workflow) {
                case .failure(let problem):
                    problems += problem.diagnostics
                    unchecked.append(document.file)
                case .success(let policy):
                    let checker = checkers[policy.name] ?? WorkflowChecker(policy: policy, roster: roster, today: today)
                    checkers[policy.name] = checker
                    jobs.append((checker, document, workflow))
                }
            case .learningPlan(let plan):
                plans.append((document, plan))
            default:
                continue
            }
        }
        let work = specialize(jobs.sorted { $0.document.file < $1.document.file })
        // Each workflow's findings are put in line order where they are made, on every core: workflows are
        // in file order, so the whole list is then in order and the report's one sort finds nothing to do.
        let findings = Parallel.map(work.count) { index in
            work[index].checker.check(work[index].document, work[index].workflow).sorted()
        }.flatMap { $0 }
        let auditor = PlanAuditor(documents: documents, roster: roster, policies: policies, today: today)
        let planFindings = plans.flatMap { auditor.audit($0.document, $0.plan) }
        return EngineCheck(findings: findings + planFindings + rosterFindings, problems: problems, policies: policies,
                           documents: documents, workflowsChecked: jobs.count, plansChecked: plans.count, today: today,
                           uncheckedWorkflows: unchecked, unloaded: workspace.unloaded.filter { !excluding.contains($0.file) })
    }

    /// The jobs with each checker specialized to its workflow's team, setting and the like, when
    /// rules test them and many workflows share their values: a rule on another team's workflows is
    /// then settled once per team instead of at every step. With about as many values as workflows
    /// (a rule on the workflow's name) specializing would cost more than it saves, so it is skipped.
    static func specialize(_ jobs: [(checker: WorkflowChecker, document: LoadedDocument, workflow: Workflow)])
        -> [(checker: WorkflowChecker, document: LoadedDocument, workflow: Workflow)] {
        var groups: [SpecializationKey: Int] = [:]
        var keys: [SpecializationKey?] = []
        var representatives: [Int] = []
        for (index, job) in jobs.enumerated() {
            guard !job.checker.workflowFacts.isEmpty else {
                keys.append(nil)
                continue
            }
            let values = StepContext.workflowFacts(of: job.workflow)
            let key = SpecializationKey(policy: job.checker.policy.name,
                                        values: job.checker.workflowFacts.map { values[$0] ?? .missing })
            if groups[key] == nil {
                groups[key] = representatives.count
                representatives.append(index)
            }
            keys.append(key)
        }
        // Specialize only when each specialized checker serves eight workflows or more on average.
        guard !representatives.isEmpty, representatives.count * 8 <= jobs.count else { return jobs }
        let firsts = representatives
        let checkers = Parallel.map(firsts.count) { jobs[firsts[$0]].checker.specialized(to: jobs[firsts[$0]].workflow) }
        return zip(jobs, keys).map { job, key in
            guard let key, let group = groups[key] else { return job }
            return (checkers[group], job.document, job.workflow)
        }
    }
}
