/// Whether a workflow's sessions serve one client or a group.
public enum SessionFormat: String, DocumentKeyword, Codable {
    /// One client per session: the default when a workflow does not say.
    case individual
    /// Several clients together, each with their own record.
    case group

    public static let keywordDescription = "session format"
}
