/// A decoded document of any kind.
public enum Document: Sendable, Hashable {
    /// A competency framework.
    case framework(Framework)
    /// An AI-use policy.
    case policy(Policy)
    /// A team workflow.
    case workflow(Workflow)
    /// A therapist profile.
    case therapist(Therapist)
    /// A course catalog.
    case catalog(Catalog)
    /// Recertification rules.
    case requirements(RecertificationRequirements)
    /// A learning plan.
    case learningPlan(LearningPlan)
    /// Policy tests.
    case policyTest(PolicyTest)
    /// A plugin manifest.
    case plugin(PluginManifest)
    /// A policy exception.
    case exception(PolicyException)
    /// A project file.
    case project(Project)

    /// The document's kind.
    public var kind: DocumentKind {
        switch self {
        case .framework: .framework
        case .policy: .policy
        case .workflow: .workflow
        case .therapist: .therapist
        case .catalog: .catalog
        case .requirements: .requirements
        case .learningPlan: .learningPlan
        case .policyTest: .policyTest
        case .plugin: .plugin
        case .exception: .exception
        case .project: .project
        }
    }
}
