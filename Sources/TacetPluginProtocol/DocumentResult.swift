/// A protocol 2 plugin's answer about one document of the batch: findings, or why it could not judge it.
public struct DocumentResult: Sendable, Hashable, Codable {
    /// The document's index in the request's `documents` (0-based).
    public var document: Int
    /// The findings; empty when the document passed.
    public var findings: [PluginFinding]?
    /// Set when the plugin could not judge this document; the others of the batch still count.
    public var error: PluginErrorReport?

    /// A result with findings.
    public init(document: Int, findings: [PluginFinding]) {
        self.document = document
        self.findings = findings
    }

    /// A result saying the plugin could not judge this document.
    public init(document: Int, error: PluginErrorReport) {
        self.document = document
        self.error = error
    }
}
