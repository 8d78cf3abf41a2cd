extension WorkflowChecker {
    /// A rule that can hold for some step, with what is left of its condition once the facts known
    /// in advance (the task's, and the workflow's for a specialized checker) are settled.
    struct Candidate: Sendable {
        /// The rule's index in the policy.
        var rule: Int
        /// What is left to evaluate at each step; nil when the rule holds for every such step.
        var rest: CompiledCondition?
        /// Whether it is the rule's candidate for steps of any task (the rule reads no task fact): then every
        /// task's list holds this same one, flattened once.
        var anyTask = false
    }
}
