/// Whether a project loads the shipped defaults (`defaults:` in `tacet.yaml`).
public enum ProjectDefaults: String, Sendable, Hashable, DocumentKeyword {
    /// The installed default policy and curricula are loaded beside the project's folders, read where
    /// they are installed (never copied), so a team layer may extend the default policy.
    case shipped
    /// Only the project's own folders: a clinic that keeps (and edits) its own base policy. Not spelt
    /// `.none` in Swift, which an optional's `nil` would shadow.
    case projectOnly = "none"

    public static let keywordDescription = "defaults setting"
}
