import Foundation
import TacetDocuments
import TacetLanguageServer
import TacetPluginProtocol
import TacetTestSupport

/// A language server in this process, driven through its framing over two pipes as an editor drives
/// `tacet lsp`: messages in, every message out kept in arrival order.
final class LSPSession: @unchecked Sendable {
    // @unchecked: `received` is only touched while `lock` is held; the descriptors are set once.
    private let lock = NSLock()
    private var received: [JSONValue] = []
    private var nextID = 1
    private let toServer: Int32
    private let fromServer: Int32
    private let server: Task<Int32, Never>
    /// How many received messages the waits have looked past.
    private var cursor = 0

    /// Starts a server with `options`.
    init(options: LanguageServerOptions = LanguageServerOptions(today: CalendarDate("2026-11-21"))) {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        _ = pipe(&input)
        _ = pipe(&output)
        toServer = input[1]
        fromServer = output[0]
        let (serverIn, serverOut, clientIn) = (input[0], output[1], output[0])
        // The server runs on a thread of its own, as `tacet lsp` has a process of its own. On the threads Swift's
        // tasks share (two on two cores) it waited behind whatever synchronous tests held them, for minutes in the
        // full suite (a planner comparison; anything under a sanitizer), and `initialize` went unanswered. A task
        // executor keeps the server in process, where tests can pass it options no command line has, and moves
        // all of it: the server actor (a default actor runs on its caller's preferred executor) and the child
        // tasks of its check. Starting the built binary instead would tie these tests to the executable target.
        let executor = ThreadExecutor(name: "LSPSession server")
        server = Task(executorPreference: executor) {
            let status = await LanguageServer.serve(input: FileDescriptorSource(descriptor: serverIn), output: serverOut, options: options)
            close(serverOut)
            executor.finish()
            return status
        }
        let thread = Thread { [self] in
            var reader = FrameReader(FileDescriptorSource(descriptor: clientIn), limits: FrameLimits(maxBodyBytes: 64 << 20))
            while case .message(let body) = reader.next() {
                let message = JSONText.decode(body) ?? .string("not JSON: " + String(decoding: body, as: UTF8.self))
                lock.lock()
                received.append(message)
                lock.unlock()
            }
        }
        thread.start()
    }

    private var inputClosed = false

    deinit {
        if !inputClosed { close(toServer) }
    }

    /// Writes raw bytes to the server.
    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let wrote = bytes.withUnsafeBytes { Foundation.write(toServer, $0.baseAddress! + offset, bytes.count - offset) }
            guard wrote > 0 else { return }
            offset += wrote
        }
    }

    /// Sends `message` in a frame.
    func send(_ message: JSONValue) {
        let body = JSONText.encode(message)
        write(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: JSONValue) {
        send(.object(["jsonrpc": "2.0", "method": .string(method), "params": params]))
    }

    /// Sends a request and returns its id.
    @discardableResult
    func sendRequest(_ method: String, _ params: JSONValue) -> JSONValue {
        lock.lock()
        let id = JSONValue.number(Double(nextID))
        nextID += 1
        lock.unlock()
        send(.object(["jsonrpc": "2.0", "id": id, "method": .string(method), "params": params]))
        return id
    }

    /// Sends a request and waits for its response (the whole response: `result` or `error`).
    func request(_ method: String, _ params: JSONValue = .object([:])) async throws -> JSONValue {
        let id = sendRequest(method, params)
        return try await wait("the response to \(method)") { $0["id"] == id && $0["method"] == nil }
    }

    /// `initialize` with `root` as the workspace folder, then `initialized`.
    func start(root: String?) async throws -> JSONValue {
        let params: JSONValue = root.map { .object(["rootUri": .string(DocumentURI.uri(of: $0)), "capabilities": .object([:])]) }
            ?? .object(["rootUri": .null, "capabilities": .object([:])])
        let response = try await request("initialize", params)
        notify("initialized", .object([:]))
        return response
    }

    /// Opens `path` with `text`.
    func open(_ path: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(DocumentURI.uri(of: path)), "languageId": "yaml", "version": .number(Double(version)), "text": .string(text),
        ])]))
    }

    /// Sends one incremental change replacing `range` of `path` with `text`.
    func change(_ path: String, version: Int, range: (Int, Int, Int, Int)? = nil, _ text: String) {
        var change: [String: JSONValue] = ["text": .string(text)]
        if let range {
            change["range"] = .object(["start": .object(["line": .number(Double(range.0)), "character": .number(Double(range.1))]),
                                       "end": .object(["line": .number(Double(range.2)), "character": .number(Double(range.3))])])
        }
        notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(DocumentURI.uri(of: path)), "version": .number(Double(version))]),
            "contentChanges": .array([.object(change)]),
        ]))
    }

    /// The next diagnostics published for `path` after those already looked at.
    func diagnostics(_ path: String) async throws -> [JSONValue] {
        let uri = JSONValue.string(DocumentURI.uri(of: path))
        let message = try await wait("diagnostics for \(path)") {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == uri
        }
        return message["params"]?["diagnostics"]?.arrayValue ?? []
    }

    /// The first message after the cursor that `matches`, moving the cursor past it; fails after 120 seconds
    /// (stretched by `TestTime` under sanitizers), far above what any session here takes on its own thread.
    ///
    /// The messages are looked at once more after the deadline: this task runs on the shared threads, and when it
    /// gets one back late, a message that came meanwhile still counts.
    func wait(_ what: String, _ matches: (JSONValue) -> Bool) async throws -> JSONValue {
        let limit = TestTime.scaled(120)
        let deadline = Date().addingTimeInterval(limit)
        while true {
            let late = Date() >= deadline
            let messages = lock.withLock { received }
            if let index = messages.indices.dropFirst(cursor).first(where: { matches(messages[$0]) }) {
                cursor = index + 1
                return messages[index]
            }
            if late {
                let seen = messages.map { String(decoding: JSONText.encode($0), as: UTF8.self) }
                throw SessionError(description: "no \(what) within \(Int(limit)) s; received: \(seen)")
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
    }

    /// Every message received so far.
    var messages: [JSONValue] { lock.withLock { received } }

    /// Closes the server's input and returns its exit status.
    func finish() async -> Int32 {
        lock.withLock {
            if !inputClosed { close(toServer) }
            inputClosed = true
        }
        return await server.value
    }

    /// The server's exit status once it ends by itself.
    func status() async -> Int32 { await server.value }

    struct SessionError: Error, CustomStringConvertible {
        var description: String
    }
}
