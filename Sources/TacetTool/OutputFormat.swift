/// How `check` prints its results.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Human text: `file:line:col: severity: message [rule]` with source excerpts.
    case text
    /// The stable JSON document described in `docs/check-output.md`.
    case json
}
