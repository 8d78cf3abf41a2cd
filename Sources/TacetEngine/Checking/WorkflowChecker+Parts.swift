import TacetDocuments

extension WorkflowChecker {
    /// What the context of each step refers to, each held once (``Shared``): the policy's tasks and
    /// tools without their source documents, the roster's therapists, and the policy's word on trainees
    /// and credentials. A specialized checker shares its general checker's.
    struct Parts: Sendable {
        var tasks: [String: Shared<PolicyTask?>]
        var tools: [String: Shared<ApprovedTool?>]
        var therapists: [String: Shared<Therapist?>]
        /// Stands for a name that is not there.
        var nothing: (task: Shared<PolicyTask?>, tool: Shared<ApprovedTool?>, therapist: Shared<Therapist?>)
        var people: Shared<PeoplePolicy>
    }
}
