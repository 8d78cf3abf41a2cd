import Foundation
import TacetDocuments

/// The checkers of one run, shared by the threads that check workflows as they stream: one per policy,
/// made when a workflow first needs it, and one specialized to a workflow's team, setting and the like
/// once enough workflows share those values (``WorkflowChecker/specialized(to:)``).
final class CheckerCache: @unchecked Sendable {
    // @unchecked: `general` and `groups` are only touched while `lock` is held.
    private let lock = NSLock()
    private let roster: Roster
    private let today: CalendarDate
    private var general: [String: WorkflowChecker] = [:]
    private var groups: [SpecializationKey: (count: Int, checker: WorkflowChecker?)] = [:]

    /// How many workflows of one group the general checker serves before the group gets a specialized
    /// one. A rule on another team's workflows is then settled once per team instead of at every step;
    /// with about as many values as workflows (a rule on the workflow's name) no group gets there, and
    /// nothing is spent specializing.
    static let specializeAt = 8

    init(roster: Roster, today: CalendarDate) {
        self.roster = roster
        self.today = today
    }

    /// The checker for `workflow` under `policy`: the general one, or its group's specialized one.
    func checker(for policy: ResolvedPolicy, _ workflow: Workflow) -> WorkflowChecker {
        lock.lock()
        defer { lock.unlock() }
        let checker = general[policy.name] ?? WorkflowChecker(policy: policy, roster: roster, today: today)
        general[policy.name] = checker
        guard !checker.workflowFacts.isEmpty else { return checker }
        let values = StepContext.workflowFacts(of: workflow)
        let key = SpecializationKey(policy: policy.name, values: checker.workflowFacts.map { values[$0] ?? .missing })
        var group = groups[key] ?? (0, nil)
        group.count += 1
        if group.checker == nil && group.count >= Self.specializeAt { group.checker = checker.specialized(to: workflow) }
        groups[key] = group
        return group.checker ?? checker
    }
}
