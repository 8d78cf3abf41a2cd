import Foundation
import Testing
import TacetDocuments
import TacetLanguageServer
import TacetPluginProtocol
import TacetYAML

/// The server driven through its framing as an editor drives it, with exact messages asserted.
@Suite("Language server")
struct LanguageServerTests {
    private static let options = LanguageServerOptions(today: CalendarDate("2026-11-21"), documentationBase: "https://tacet.example/")

    private static func range(_ line: Int, _ start: Int, _ end: Int) -> JSONValue {
        .object(["start": .object(["line": .number(Double(line)), "character": .number(Double(start))]),
                 "end": .object(["line": .number(Double(line)), "character": .number(Double(end))])])
    }

    @Test("a workflow that breaks the policy gets its diagnostic at the exact UTF-16 range; fixed, it is cleared; an incremental edit brings it back")
    func diagnosticsAsYouType() async throws {
        let workspace = try LSPWorkspace()
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: workspace.path)
        let workflow = workspace.file("wf.yaml")
        // The file on disk complies; the unsaved buffer does not, and wins.
        session.open(workflow, LSPWorkspace.workflow(ai: "ai-delegated"))
        let expected: JSONValue = .object([
            "code": "requirement.ai-level",
            "codeDescription": .object(["href": "https://tacet.example/docs/codes.md#requirementai-level"]),
            "data": .object(["pointer": "/steps/0/ai"]),
            "message": "step 's1' uses AI at ai-delegated, but task 'notes' allows at most ai-drafted\nhint: lower ai to ai-drafted or below",
            // Line 5 of the file, after "🎵" (one scalar, two UTF-16 units) and "é": scalar column 43 is UTF-16 character 43.
            "range": Self.range(4, 43, 55),
            "relatedInformation": .array([.object([
                "location": .object(["uri": .string(DocumentURI.uri(of: workspace.file("policy.yaml"))), "range": Self.range(8, 4, 6)]),
                "message": "task 'notes' is classified here",
            ])]),
            "severity": .number(1),
            "source": "tacet",
        ])
        #expect(try await session.diagnostics(workflow) == [expected])

        session.change(workflow, version: 2, LSPWorkspace.workflow(ai: "ai-drafted"))
        #expect(try await session.diagnostics(workflow) == [])

        // Incremental: "ai-drafted" (UTF-16 characters 43 to 53 of line 5) becomes "ai-delegated" again.
        session.change(workflow, version: 3, range: (4, 43, 4, 53), "ai-delegated")
        let again = try await session.diagnostics(workflow)
        #expect(again == [expected])
        let published = session.messages.last { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(published?["params"]?["version"] == .number(3))
        #expect(await session.finish() == 1)  // the stream closed without shutdown and exit
    }

    @Test("editing a therapist's level in another document re-publishes the workflows they review")
    func affectedElsewhere() async throws {
        let workspace = try LSPWorkspace()
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: workspace.path)
        let ben = workspace.file("team/ben.yaml")
        let workflow = workspace.file("wf.yaml")
        session.open(ben, LSPWorkspace.therapist("ben"))
        // Ben (the workflow's reviewer) drops below the task's review level, in the unsaved buffer only.
        session.change(ben, version: 2, LSPWorkspace.therapist("ben", documentation: "emerging"))
        let diagnostics = try await session.diagnostics(workflow)
        #expect(diagnostics.map { $0["code"] } == ["requirement.review-level"])
        #expect(diagnostics.first?["message"] == .string("reviewer ben is emerging in documentation; task 'notes' requires review by a "
            + "therapist at developing or above in documentation\nhint: choose a reviewer at developing or above in documentation"))
        // Related: the reviewer's profile (the levels line of the unsaved buffer) and the task's definition.
        #expect(diagnostics.first?["relatedInformation"]?.arrayValue?.map { $0["message"] } == ["BEN's profile", "task 'notes' is classified here"])
        // Closing the buffer unsaved: the file on disk counts again, and the finding is cleared.
        session.notify("textDocument/didClose", .object(["textDocument": .object(["uri": .string(DocumentURI.uri(of: ben))])]))
        #expect(try await session.diagnostics(workflow) == [])
        // Without a project file only Tacet documents are the workspace: other YAML is never published.
        #expect(!session.messages.contains { $0["params"]?["uri"]?.stringValue?.hasSuffix("compose.yaml") == true })
    }

    @Test("with a project file, the workspace is what it names; editing the policy re-publishes its teams' workflows")
    func projectScope() async throws {
        let workspace = try LSPWorkspace()
        _ = try workspace.directory.write("tacet.yaml", """
            apiVersion: tacet/v1
            kind: Project
            metadata: {name: clinic}
            policies: [policy.yaml]
            teams: [team]
            defaults: none

            """)
        _ = try workspace.directory.write("team/wf.yaml", LSPWorkspace.workflow(ai: "ai-drafted"))
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: workspace.path + "/team")  // the project file is found above the folder
        let policy = workspace.file("policy.yaml")
        session.open(policy, LSPWorkspace.policy)
        session.change(policy, version: 2, LSPWorkspace.policy.replacingOccurrences(of: "maxAI: ai-drafted", with: "maxAI: ai-assisted"))
        let diagnostics = try await session.diagnostics(workspace.file("team/wf.yaml"))
        #expect(diagnostics.map { $0["code"] } == ["requirement.ai-level"])
        // wf.yaml beside tacet.yaml is not in a folder the project names: it is not checked.
        #expect(!session.messages.contains { $0["params"]?["uri"] == .string(DocumentURI.uri(of: workspace.file("wf.yaml"))) })
    }

    @Test("a project file naming a missing folder is reported on its line")
    func invalidProject() async throws {
        let workspace = try LSPWorkspace()
        let project = try workspace.directory.write("tacet.yaml", """
            apiVersion: tacet/v1
            kind: Project
            metadata: {name: clinic}
            policies: [policy.yaml]
            teams: [teams]
            defaults: none

            """)
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: workspace.path)
        session.open(workspace.file("wf.yaml"), LSPWorkspace.workflow(ai: "ai-drafted"))
        let diagnostics = try await session.diagnostics(project)
        #expect(diagnostics.map { $0["message"] } == ["folder 'teams' named in teams does not exist\nhint: create it, or remove it from teams:"])
        #expect(diagnostics.first?["range"] == Self.range(4, 8, 13))
    }

    @Test("shutdown then exit ends with status 0; requests before initialize and after shutdown are refused")
    func lifecycle() async throws {
        let session = LSPSession(options: Self.options)
        let early = try await session.request("textDocument/hover", .object([:]))
        #expect(early["error"] == .object(["code": .number(-32002), "message": "the server is not initialized yet"]))
        let initialized = try await session.start(root: nil)
        #expect(initialized["result"]?["capabilities"]?["textDocumentSync"]?["change"] == .number(2))
        #expect(try await session.request("shutdown")["result"] == .null)
        let late = try await session.request("textDocument/hover", .object([:]))
        #expect(late["error"] == .object(["code": .number(-32600), "message": "the server is shut down"]))
        session.notify("exit", .null)
        #expect(await session.status() == 0)
    }

    @Test("a body that is not JSON, a message that is not JSON-RPC and an unknown method get error responses; the server goes on")
    func badMessages() async throws {
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: nil)
        session.write(Array("Content-Length: 5\r\n\r\n{oops".utf8))
        let notJSON = try await session.wait("the parse error") { $0["error"] != nil }
        #expect(notJSON == .object(["jsonrpc": "2.0", "id": .null,
                                    "error": .object(["code": .number(-32700), "message": "the message is not JSON"])]))
        session.send(.object(["jsonrpc": "1.0", "id": .number(7), "method": "shutdown"]))
        let notRPC = try await session.wait("the invalid request") { $0["error"] != nil }
        #expect(notRPC["id"] == .number(7))
        #expect(notRPC["error"]?["code"] == .number(-32600))
        let unknown = try await session.request("tacet/unknown", .object([:]))
        #expect(unknown["error"] == .object(["code": .number(-32601), "message": "unknown method 'tacet/unknown'"]))
        // A document that is not YAML is a diagnostic on it, not a failure of the server.
        session.open("/nonexistent/notes.yaml", "key: [unclosed\n")
        let yaml = try await session.diagnostics("/nonexistent/notes.yaml")
        #expect(yaml.map { $0["code"] } == ["yaml.syntax"])
        #expect(try await session.request("shutdown")["result"] == .null)
    }

    @Test("a cancelled request is answered as cancelled, and a huge message is refused without ending the session")
    func cancellationAndHugeMessages() async throws {
        let session = LSPSession(options: LanguageServerOptions(limits: YAMLLimits(maxInputBytes: 1024), today: CalendarDate("2026-11-21")))
        _ = try await session.start(root: nil)
        // The cancellation is read before the request reaches the server (one write holds both).
        let cancel = JSONText.encode(.object(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": .object(["id": "slow"])]))
        let request = JSONText.encode(.object(["jsonrpc": "2.0", "id": "slow", "method": "textDocument/documentSymbol",
                                               "params": .object(["textDocument": .object(["uri": "file:///none.yaml"])])]))
        session.write(Array("Content-Length: \(cancel.count)\r\n\r\n".utf8) + cancel + Array("Content-Length: \(request.count)\r\n\r\n".utf8) + request)
        let cancelled = try await session.wait("the cancelled response") { $0["id"] == "slow" }
        #expect(cancelled["error"] == .object(["code": .number(-32800), "message": "cancelled"]))
        // Frames are bounded by the YAML limit (twice it, plus 64 KiB): a bigger paste is skipped unread.
        let huge = String(repeating: "x", count: 2 * 1024 + 64 * 1024 + 1)
        session.open("/none/huge.yaml", huge)
        let refused = try await session.wait("the refusal") { $0["error"] != nil && $0["id"] == .null }
        #expect(refused["error"]?["code"] == .number(-32600))
        #expect(refused["error"]?["message"]?.stringValue?.hasSuffix("bytes is over the limit of 67584 bytes and was skipped") == true)
        // A paste under the frame limit but over the YAML limit is a diagnostic on the document.
        session.open("/none/big.yaml", "a: " + String(repeating: "x", count: 2000) + "\n")
        #expect(try await session.diagnostics("/none/big.yaml").map { $0["code"] } == ["yaml.limit.input-size"])
        #expect(try await session.request("shutdown")["result"] == .null)
    }

    @Test("a header that cannot be followed is answered with an error, and the server exits 1")
    func malformedHeader() async throws {
        let session = LSPSession(options: Self.options)
        session.write(Array("Content-Length: lots\r\n\r\n{}".utf8))
        let error = try await session.wait("the error") { $0["error"] != nil }
        #expect(error["error"] == .object([
            "code": .number(-32700),
            "message": "cannot read the message: Content-Length is not a byte count (\"lots\"); the server stops",
        ]))
        #expect(await session.status() == 1)
    }
}
