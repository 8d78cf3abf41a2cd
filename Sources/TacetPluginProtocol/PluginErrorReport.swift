/// A plugin's statement that it could not judge the document (exit 0, `error` instead of findings).
public struct PluginErrorReport: Sendable, Hashable, Codable {
    /// What went wrong, in one sentence.
    public var message: String

    /// Creates an error report.
    public init(message: String) { self.message = message }
}
