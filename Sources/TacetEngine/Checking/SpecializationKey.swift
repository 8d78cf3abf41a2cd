/// A policy and the values of the workflow facts its rules read: workflows with the same key can
/// share one specialized checker.
struct SpecializationKey: Hashable {
    /// The policy's name.
    var policy: String
    /// The values of the checker's ``WorkflowChecker/workflowFacts``, in order.
    var values: [FactValue]
}
