/// One finding a plugin reports, pointing into the request's document by JSON Pointer.
public struct PluginFinding: Sendable, Hashable, Codable {
    /// The rule id, one the plugin described.
    public var rule: String
    /// How serious it is.
    public var severity: FindingSeverity
    /// One sentence saying what is wrong.
    public var message: String
    /// RFC 6901 pointer into `document.content` (`""` is the whole document).
    public var pointer: String
    /// How to fix it.
    public var hint: String?
    /// Sources that ground it.
    public var citations: [String]?

    /// Creates a finding.
    public init(rule: String, severity: FindingSeverity, message: String, pointer: String, hint: String? = nil,
                citations: [String]? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.pointer = pointer
        self.hint = hint
        self.citations = citations
    }
}
