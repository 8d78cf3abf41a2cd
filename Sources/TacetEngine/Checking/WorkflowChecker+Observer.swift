extension WorkflowChecker {
    /// What the checker does at a step, reported as it does it: `tacet explain` records it, `check`
    /// passes ``SilentObserver``.
    ///
    /// The checker is generic over its observer rather than holding an existential, so that when it is
    /// specialized to ``SilentObserver`` the empty methods, and the reasons built for them, are
    /// optimized away: being observable costs `check` nothing.
    protocol Observer {
        /// Whether the observer keeps anything; the checker skips work done only for it when false.
        static var records: Bool { get }
        /// The checker resolved the step at `index` to `context`, the facts its checks and rules read.
        mutating func step(_ index: Int, _ context: StepContext)
        /// The checker consulted `requirement` for the step: passed unless it emitted a finding.
        mutating func checked(_ requirement: Requirement)
        /// The checker did not consult `requirement` for the step, for `reason`.
        mutating func notChecked(_ requirement: Requirement, because reason: String)
        /// The checker decided rule `index` of the policy for the step: whether it `fired`, and whether by
        /// evaluating what was left of its condition at the step (`evaluated`) or because it holds for
        /// every step of the task. A rule never reported was settled, when the checker was built, not
        /// to hold for any step of the task.
        mutating func rule(_ index: Int, fired: Bool, evaluated: Bool)
    }
}
