import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetPluginProtocol
import TacetTool

/// `tacet lsp`: a language server for Tacet's documents over one byte stream in and one out.
///
/// Every message is handled in order by this actor. Diagnostics are published once the client's queued
/// messages are all handled, so a burst of keystrokes is checked once, through the same
/// ``CheckPipeline`` as `tacet check`, with the open documents' unsaved text read instead of their files.
package actor LanguageServer {
    /// Where the session is.
    enum Phase {
        case uninitialized, running, shutDown
    }

    let options: LanguageServerOptions
    let writer: MessageWriter
    let inbox: Inbox
    var phase = Phase.uninitialized
    /// The open documents, by URI.
    var documents: [String: OpenDocument] = [:]
    /// The client's workspace folders, absolute.
    var roots: [String] = []
    /// What is checked besides the open documents; nil until first needed, and after the project may have changed.
    var scope: WorkspaceScope?
    /// The last check; stale after any change.
    var analysis: Analysis?
    /// The ids of the last check's documents, indexed when navigation first needs them.
    var symbols: SymbolIndex?
    var stale = true
    /// Whether the next check runs the plugins (after a save).
    var pluginsDue = false
    /// The plugins' findings of the last save, kept until the next save (they run on save only).
    var pluginFindings: [Diagnostic] = []
    /// The diagnostics last published, by URI, so that only changes are sent and cleared files are emptied.
    var published: [String: JSONValue] = [:]
    /// The files of the last check as loaded, reused for those unchanged since.
    let loadCache = LoadCache()
    /// Overrides ``LanguageServerOptions/documentationBase`` when the client set one.
    var documentationBase: String?

    /// A server answering through `writer`, reading what the reader thread puts in `inbox`.
    init(options: LanguageServerOptions, writer: MessageWriter, inbox: Inbox) {
        self.options = options
        self.writer = writer
        self.inbox = inbox
        documentationBase = options.documentationBase
    }

    /// Serves one client reading `input` and writing to the file descriptor `output` until it says `exit`,
    /// closes its stream or sends a frame that cannot be followed. Returns the process's exit status: 0
    /// after `shutdown` then `exit`, else 1 (as LSP asks).
    package static func serve<Source: ByteSource & Sendable>(input: Source, output: Int32, options: LanguageServerOptions) async -> Int32 {
        let inbox = Inbox()
        let limits = FrameLimits.accepting(options.limits)
        // A thread of its own: a blocking read must not hold one of the few threads Swift's tasks share.
        let thread = Thread {
            var reader = FrameReader(input, limits: limits)
            while true {
                let frame = reader.next()
                inbox.push(frame)
                if case .message = frame { continue }
                if case .oversized = frame { continue }
                return
            }
        }
        thread.start()
        let server = LanguageServer(options: options, writer: MessageWriter(descriptor: output), inbox: inbox)
        return await server.run()
    }

    /// Handles frames as they arrive; publishes diagnostics whenever the queue runs dry.
    func run() async -> Int32 {
        for await _ in inbox.arrivals {
            while let frame = inbox.pop() {
                if let status = await handle(frame) { return status }
            }
            if phase == .running { await publishIfStale() }
        }
        return phase == .shutDown ? 0 : 1
    }

    /// Handles one frame; a status when the session is over.
    func handle(_ frame: Frame) async -> Int32? {
        switch frame {
        case .end:
            return phase == .shutDown ? 0 : 1
        case .malformed(let reason):
            respond(id: .null, error: ResponseError(ResponseError.parseError, "cannot read the message: \(reason); the server stops"))
            return 1
        case .oversized(let length):
            let limit = FrameLimits.accepting(options.limits).maxBodyBytes
            respond(id: .null, error: ResponseError(ResponseError.invalidRequest,
                                                    "a message of \(length) bytes is over the limit of \(limit) bytes and was skipped"))
            return nil
        case .message(let body):
            guard let message = JSONText.decode(body) else {
                respond(id: .null, error: ResponseError(ResponseError.parseError, "the message is not JSON"))
                return nil
            }
            return await dispatch(message)
        }
    }

    /// Routes a JSON-RPC message: a request gets exactly one response, a notification none.
    func dispatch(_ message: JSONValue) async -> Int32? {
        let id = message["id"]
        let validID = id.map { value in value.stringValue != nil || value.numberValue != nil } ?? true
        guard case .object = message, message["jsonrpc"]?.stringValue == "2.0", validID else {
            respond(id: validID ? id ?? .null : .null,
                    error: ResponseError(ResponseError.invalidRequest, "not a JSON-RPC 2.0 request or notification"))
            return nil
        }
        guard let method = message["method"]?.stringValue else {
            // A response to a request of ours (none is sent yet): nothing to do.
            if id != nil, message["result"] != nil || message["error"] != nil { return nil }
            respond(id: id ?? .null, error: ResponseError(ResponseError.invalidRequest, "the message has no method"))
            return nil
        }
        let params = message["params"] ?? .null
        guard let id else { return await notification(method, params) }
        if inbox.takeCancellation(of: id) {
            respond(id: id, error: ResponseError(ResponseError.requestCancelled, "cancelled"))
            return nil
        }
        switch phase {
        case .uninitialized where method != "initialize":
            respond(id: id, error: ResponseError(ResponseError.serverNotInitialized, "the server is not initialized yet"))
            return nil
        case .shutDown:
            respond(id: id, error: ResponseError(ResponseError.invalidRequest, "the server is shut down"))
            return nil
        case .running where method == "initialize":
            respond(id: id, error: ResponseError(ResponseError.invalidRequest, "the server is already initialized"))
            return nil
        default:
            break
        }
        do {
            let result = try await request(method, params)
            // A request cancelled while it ran is answered as cancelled, as LSP asks.
            if inbox.takeCancellation(of: id) {
                respond(id: id, error: ResponseError(ResponseError.requestCancelled, "cancelled"))
            } else {
                respond(id: id, result: result)
            }
        } catch let error as ResponseError {
            respond(id: id, error: error)
        } catch {
            respond(id: id, error: ResponseError(ResponseError.invalidParams, "\(error)"))
        }
        return nil
    }

    /// Answers request `method`.
    func request(_ method: String, _ params: JSONValue) async throws -> JSONValue {
        switch method {
        case "initialize": return initialize(params)
        case "shutdown":
            phase = .shutDown
            return .null
        default:
            if let answer = try await navigation(method, params) { return answer }
            throw ResponseError(ResponseError.methodNotFound, "unknown method '\(method)'")
        }
    }

    /// Handles notification `method`; a status when it ends the session (`exit`).
    func notification(_ method: String, _ params: JSONValue) async -> Int32? {
        if method == "exit" { return phase == .shutDown ? 0 : 1 }
        // Before initialize and after shutdown, notifications are dropped, as LSP asks.
        guard phase == .running else { return nil }
        switch method {
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles", "workspace/didChangeWorkspaceFolders": changedOnDisk(params)
        default: break  // `initialized`, `$/cancelRequest` (read by the inbox), and what this server does not use
        }
        return nil
    }

    func respond(id: JSONValue, result: JSONValue) {
        writer.send(.object(["jsonrpc": "2.0", "id": id, "result": result]))
    }

    func respond(id: JSONValue, error: ResponseError) {
        writer.send(.object(["jsonrpc": "2.0", "id": id, "error": error.json]))
    }

    func notify(_ method: String, _ params: JSONValue) {
        writer.send(.object(["jsonrpc": "2.0", "method": .string(method), "params": params]))
    }

    /// A `window/logMessage` of type `type` (1 error, 2 warning, 3 info).
    func log(_ message: String, type: Int = 3) {
        notify("window/logMessage", .object(["type": .number(Double(type)), "message": .string(message)]))
    }
}
