/// What a plugin writes on standard output for a protocol 2 `check`: one result per document, or one error
/// for the whole batch when it could not judge any of them.
public struct BatchCheckResponse: Sendable, Hashable, Codable {
    /// One entry per document of the request, each naming its document by index.
    public var results: [DocumentResult]?
    /// Set when the plugin could judge none of the documents; the host reports it on every one of them.
    public var error: PluginErrorReport?

    /// A response with a result per document.
    public init(results: [DocumentResult]) { self.results = results }
    /// A response saying the plugin could judge none of the batch.
    public init(error: PluginErrorReport) { self.error = error }
}
