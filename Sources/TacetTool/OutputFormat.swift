/// How `check` prints its results.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Human text: `file:line:col: severity: message [rule]` with source excerpts.
    case text
    /// The stable JSON document described in `docs/check-output.md`.
    case json
    /// SARIF 2.1.0, for code-scanning views.
    case sarif
    /// JUnit XML, for test dashboards.
    case junit
    /// GitHub Actions workflow commands, which become annotations on a pull request.
    case github
    /// A Markdown summary for a pull-request comment.
    case markdown
}
