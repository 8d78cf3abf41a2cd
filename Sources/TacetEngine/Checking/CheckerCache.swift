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
    private var groups: [SpecializationKey: Group] = [:]

    /// Where one group of workflows stands: how many the general checker has served, or its own checker
    /// being made, or made.
    private enum Group {
        case counting(Int)
        case specializing
        case specialized(WorkflowChecker)
    }

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
        // The general checker is made under the lock: every thread needs it before it can check anything.
        let checker = lock.withLock {
            let checker = general[policy.name] ?? WorkflowChecker(policy: policy, roster: roster, today: today)
            general[policy.name] = checker
            return checker
        }
        guard !checker.workflowFacts.isEmpty else { return checker }
        let values = StepContext.workflowFacts(of: workflow)
        let key = SpecializationKey(policy: policy.name, values: checker.workflowFacts.map { values[$0] ?? .missing })
        // Whether this thread is the one to specialize the group's checker; else the checker to use now.
        let ready: WorkflowChecker? = lock.withLock {
            switch groups[key] ?? .counting(0) {
            case .specialized(let specialized):
                return specialized
            case .specializing:
                return checker
            case .counting(let count) where count + 1 < Self.specializeAt:
                groups[key] = .counting(count + 1)
                return checker
            case .counting:
                groups[key] = .specializing
                return nil
            }
        }
        if let ready { return ready }
        // Made outside the lock, as long as a general checker takes to make: the other threads go on with the
        // general checker meanwhile instead of waiting (with seven teams, seven of these came one after another
        // early in a run, and the second core stood idle through them).
        let specialized = checker.specialized(to: workflow)
        lock.withLock { groups[key] = .specialized(specialized) }
        return specialized
    }
}
