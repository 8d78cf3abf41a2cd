/// Where the code reference lives, and how its anchors are spelled.
public enum DiagnosticCodeReference {
    /// The code reference's path relative to the repository's root.
    public static let path = "docs/codes.md"

    /// The anchor of the code reference's heading for `id`: the id in lowercase with every character but
    /// letters, digits, hyphens and underscores dropped (`requirement.ai-level` becomes
    /// `requirementai-level`), which is how GitHub and most Markdown renderers slug a heading.
    public static func anchor(of id: String) -> String {
        String(id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }
}
