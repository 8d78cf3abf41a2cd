import TacetDiagnostics
import TacetDocuments

/// `tacet check` as a library call: resolves policies, checks every workflow against its policy and
/// the roster, and applies exceptions.
public enum CheckEngine {
    /// Checks the documents of `workspace`.
    ///
    /// - Parameters:
    ///   - today: the day exceptions are judged on (the CLI passes the current date).
    ///   - excluding: files not to check as the team's own (policy-test inputs).
    public static func check(_ workspace: Workspace, today: CalendarDate, excluding: Set<String> = []) -> CheckReport {
        let documents = workspace.documents.filter { !excluding.contains($0.file) }
        var problems = workspace.diagnostics
        let (policies, policyDiagnostics) = PolicyResolver.resolve(documents)
        problems += policyDiagnostics
        let roster = Roster(documents)
        var findings: [Diagnostic] = []
        var workflows: [String: (document: LoadedDocument, workflow: Workflow)] = [:]
        var checked = 0
        for document in documents {
            switch document.document {
            case .workflow(let workflow):
                workflows[workflow.metadata.name] = (document, workflow)
                switch PolicyChoice.choose(for: document, workflow, among: policies) {
                case .failure(let problem):
                    problems += problem.diagnostics
                case .success(let policy):
                    checked += 1
                    findings += WorkflowChecker(policy: policy, roster: roster).check(document, workflow)
                }
            case .learningPlan:
                problems.append(Diagnostic(.warning, code: "check.not-audited",
                                           message: "learning plans are not audited by this version of Tacet",
                                           location: document.location(of: "")))
            default:
                continue
            }
        }
        let knownRules = Set(Requirement.allCases.map(\.rawValue)).union(policies.values.flatMap { $0.rules.map(\.id) })
        let applier = ExceptionApplier(workflows: workflows, knownRules: knownRules, today: today)
        let (kept, suppressed, exceptionDiagnostics) = applier.apply(documents.filter { $0.kind == .exception }, to: findings)
        return CheckReport(findings: kept.sorted(), suppressed: suppressed, problems: (problems + exceptionDiagnostics).sorted(),
                           workflowsChecked: checked, documents: documents.count)
    }
}
