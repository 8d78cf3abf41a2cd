import TacetPluginProtocol

extension LanguageServer {
    /// Answers a navigation request (hover, definition, references, completion, symbols, code actions),
    /// or nil when `method` is none of them.
    func navigation(_ method: String, _ params: JSONValue) async throws -> JSONValue? {
        nil
    }
}
