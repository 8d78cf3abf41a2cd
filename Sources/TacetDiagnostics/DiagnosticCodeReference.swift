/// Where the code reference lives, and how its anchors are spelled.
public enum DiagnosticCodeReference {
    /// The code reference's path relative to the repository's root.
    public static let path = "docs/codes.md"

    /// The anchor of `id` in the code reference: the id in lowercase with every character but letters,
    /// digits and hyphens turned into a hyphen, which is how Markdown renderers slug a heading that is
    /// just the id.
    public static func anchor(of id: String) -> String {
        String(id.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }
}
