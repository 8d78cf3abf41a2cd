import TacetPluginProtocol

/// A JSON-RPC error a request is answered with.
package struct ResponseError: Error, Sendable, Equatable {
    /// The JSON-RPC or LSP error code.
    package var code: Int
    /// What went wrong, in words.
    package var message: String

    /// Creates an error.
    package init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message is not JSON, or its frame cannot be read.
    package static let parseError = -32700
    /// The message is JSON but not a request or notification.
    package static let invalidRequest = -32600
    /// No such method.
    package static let methodNotFound = -32601
    /// The parameters are not what the method takes.
    package static let invalidParams = -32602
    /// A request came before `initialize`.
    package static let serverNotInitialized = -32002
    /// The client cancelled the request.
    package static let requestCancelled = -32800

    /// The parameters are wrong: `what` says how.
    package static func invalidParams(_ what: String) -> ResponseError { ResponseError(invalidParams, what) }

    /// The `error` member of a response.
    package var json: JSONValue { .object(["code": .number(Double(code)), "message": .string(message)]) }
}
