/// The output formats a project may make `check`'s default (`format:` in `tacet.yaml`).
///
/// The same names as TacetTool's `OutputFormat`, which this layer cannot see; a test keeps the two equal.
public enum ProjectOutputFormat: String, Sendable, Hashable, DocumentKeyword {
    /// Human text.
    case text
    /// Tacet's JSON.
    case json
    /// SARIF 2.1.0.
    case sarif
    /// JUnit XML.
    case junit
    /// GitHub Actions annotations.
    case github
    /// A Markdown pull-request comment.
    case markdown

    public static let keywordDescription = "output format"
}
