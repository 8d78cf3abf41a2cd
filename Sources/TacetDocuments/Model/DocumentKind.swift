/// The kinds of Tacet documents, as written in `kind:`.
public enum DocumentKind: String, DocumentKeyword, Codable, Comparable {
    /// The competency framework (`Curricula/frameworks/`).
    case framework = "Framework"
    /// An AI-use policy or a layer of one (`Policies/`).
    case policy = "Policy"
    /// A team's AI-use protocol.
    case workflow = "Workflow"
    /// A therapist's profile.
    case therapist = "Therapist"
    /// A course catalog (`Curricula/catalog/`).
    case catalog = "Catalog"
    /// Recertification rules (`Curricula/requirements/`).
    case requirements = "Requirements"
    /// A continuing-education plan.
    case learningPlan = "LearningPlan"
    /// Test cases for a policy (`Policies/tests/`).
    case policyTest = "PolicyTest"
    /// A checker plugin's manifest (`Plugins/NAME/plugin.yaml`).
    case plugin = "Plugin"
    /// A time-limited, owned exception to a policy rule.
    case exception = "Exception"
    /// A repository's project file (`tacet.yaml` at its root).
    case project = "Project"

    public static let keywordDescription = "document kind"

    public static func < (lhs: DocumentKind, rhs: DocumentKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
