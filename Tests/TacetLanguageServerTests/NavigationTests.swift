import Foundation
import Testing
import TacetDocuments
import TacetLanguageServer
import TacetPluginProtocol

/// Hover, definition, references, completion, outline and quick fixes, asked as an editor asks them.
@Suite("Language server navigation")
struct NavigationTests {
    private static let options = LanguageServerOptions(today: CalendarDate("2026-11-21"))

    private static func range(_ line: Int, _ start: Int, _ end: Int) -> JSONValue {
        .object(["start": .object(["line": .number(Double(line)), "character": .number(Double(start))]),
                 "end": .object(["line": .number(Double(line)), "character": .number(Double(end))])])
    }

    private static func at(_ path: String, _ line: Int, _ character: Int) -> JSONValue {
        .object(["textDocument": .object(["uri": .string(DocumentURI.uri(of: path))]),
                 "position": .object(["line": .number(Double(line)), "character": .number(Double(character))])])
    }

    private static func location(_ path: String, _ line: Int, _ start: Int, _ end: Int) -> JSONValue {
        .object(["uri": .string(DocumentURI.uri(of: path)), "range": range(line, start, end)])
    }

    @Test("hover on a task id says its ceiling, requirements and sources; definition and references find it across files")
    func hoverDefinitionReferences() async throws {
        let workspace = try LSPWorkspace()
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: workspace.path)
        let workflow = workspace.file("wf.yaml")
        session.open(workflow, LSPWorkspace.workflow(ai: "ai-drafted"))
        // Line 5 holds "task: notes" at UTF-16 characters 61 to 66, after the emoji.
        let hover = try await session.request("textDocument/hover", Self.at(workflow, 4, 63))
        #expect(hover["result"] == .object([
            "contents": .object(["kind": "markdown", "value": .string("""
                **Task `notes`**: Notes

                AI ceiling: **ai-drafted** (policy `base`); competency area: `documentation`

                Requires: review by a therapist at developing or above in documentation; the client's consent (`consent: true`); \
                disclosure of the AI in the record (`disclosure: true`); data only of the classes none, deidentified, phi.

                Sources: Source (`src`)
                """)]),
            "range": Self.range(4, 61, 66),
        ]))
        let definition = try await session.request("textDocument/definition", Self.at(workflow, 4, 61))
        #expect(definition["result"] == .array([Self.location(workspace.file("policy.yaml"), 8, 8, 13)]))
        // The reviewer ben: his profile's name, then the workflow's reference.
        var params = Self.at(workflow, 4, 122).objectValue ?? [:]
        params["context"] = .object(["includeDeclaration": .bool(true)])
        let references = try await session.request("textDocument/references", .object(params))
        #expect(references["result"] == .array([Self.location(workspace.file("team/ben.yaml"), 2, 17, 20), Self.location(workflow, 4, 121, 124)]))
        let therapist = try await session.request("textDocument/hover", Self.at(workflow, 4, 122))
        #expect(therapist["result"]?["contents"]?["value"] == "**Therapist `ben`**: BEN, music-therapist\n\nLevels: `documentation`: developing")
        // Nothing under the cursor: null, not an error.
        #expect(try await session.request("textDocument/hover", Self.at(workflow, 0, 0))["result"] == .null)
    }

    @Test("hover on a tool gives its vendor's terms, and on a therapist every credential, when the documents state them")
    func hoverTermsAndCredentials() async throws {
        let workspace = try LSPWorkspace()
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: workspace.path)
        session.open(workspace.file("policy.yaml"), LSPWorkspace.policy.replacingOccurrences(
            of: "{id: scribe, baa: true, data: [none, deidentified, phi]}",
            with: "{id: scribe, baa: true, data: [none, deidentified, phi], terms: {trainsOnClientData: false, retention: 30 days, dataLocation: US}}"))
        session.open(workspace.file("team/ben.yaml"), LSPWorkspace.therapist("ben") + "credentials: [LCAT, NMT]\n")
        let workflow = workspace.file("wf.yaml")
        session.open(workflow, LSPWorkspace.workflow(ai: "ai-drafted"))
        // Line 5 holds "tool: scribe" with scribe at UTF-16 characters 74 to 80, and the reviewer ben at 121 to 124.
        let tool = try await session.request("textDocument/hover", Self.at(workflow, 4, 76))
        #expect(tool["result"]?["contents"]?["value"] == """
            **Tool `scribe`**

            Approved by policy `base` for data: none, deidentified, phi; business associate agreement: yes

            Vendor: trains on client data: no; retention: 30 days; data held in: US
            """)
        let therapist = try await session.request("textDocument/hover", Self.at(workflow, 4, 122))
        #expect(therapist["result"]?["contents"]?["value"]
            == "**Therapist `ben`**: BEN, music-therapist\n\nLevels: `documentation`: developing\n\nCredentials: MT-BC, LCAT, NMT")
    }

    @Test("completion offers AI levels after ai:, the roster after performer:, tasks by prefix, and step keys")
    func completion() async throws {
        let workspace = try LSPWorkspace()
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: workspace.path)
        let draft = workspace.file("draft.yaml")
        session.open(draft, "apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: draft}\nsteps:\n  - id: a\n    ai: \n    performer: \n    task: no\n    dis\n")
        func labels(_ line: Int, _ character: Int) async throws -> [JSONValue] {
            let response = try await session.request("textDocument/completion", Self.at(draft, line, character))
            return response["result"]?["items"]?.arrayValue?.map { $0["label"] ?? .null } ?? []
        }
        #expect(try await labels(5, 8) == ["human-only", "ai-assisted", "ai-drafted", "ai-delegated"])
        #expect(try await labels(6, 15) == ["ana", "ben"])
        #expect(try await labels(7, 12) == ["notes"])
        #expect(try await labels(8, 7) == ["disclosure"])
    }

    @Test("the outline lists a workflow's steps with their tasks")
    func outline() async throws {
        let workspace = try LSPWorkspace()
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: workspace.path)
        let workflow = workspace.file("wf.yaml")
        session.open(workflow, LSPWorkspace.workflow(ai: "ai-drafted"))
        let symbols = try await session.request("textDocument/documentSymbol", .object(["textDocument": .object(["uri": .string(DocumentURI.uri(of: workflow))])]))
        #expect(symbols["result"]?[0]?["name"] == "steps")
        #expect(symbols["result"]?[0]?["children"] == .array([.object([
            "name": "s1", "detail": "notes", "kind": .number(24),
            "range": .object(["start": .object(["line": .number(4), "character": .number(4)]),
                              "end": .object(["line": .number(4), "character": .number(158)])]),
            "selectionRange": Self.range(4, 9, 11),
        ])]))
    }

    /// The quick fixes of the first diagnostic published for `text` in the workspace's workflow.
    private func fixes(_ text: String) async throws -> (diagnostic: JSONValue, actions: [JSONValue], uri: String) {
        let workspace = try LSPWorkspace()
        let session = LSPSession(options: Self.options)
        _ = try await session.start(root: workspace.path)
        let workflow = workspace.file("wf.yaml")
        session.open(workflow, text)
        let diagnostic = try #require(try await session.diagnostics(workflow).first)
        let uri = DocumentURI.uri(of: workflow)
        let response = try await session.request("textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": diagnostic["range"] ?? .null,
            "context": .object(["diagnostics": .array([diagnostic])]),
        ]))
        return (diagnostic, response["result"]?.arrayValue ?? [], uri)
    }

    @Test("quick fix: ai is lowered to the task's ceiling")
    func lowerAI() async throws {
        let (diagnostic, actions, uri) = try await fixes(LSPWorkspace.workflow(ai: "ai-delegated"))
        #expect(actions == [.object([
            "title": "Lower ai to ai-drafted, the task's ceiling", "kind": "quickfix", "isPreferred": .bool(true),
            "diagnostics": .array([diagnostic]),
            "edit": .object(["changes": .object([uri: .array([.object(["range": Self.range(4, 43, 55), "newText": "ai-drafted"])])])]),
        ])])
    }

    @Test("quick fix: a misspelt task id becomes the one it is closest to")
    func didYouMean() async throws {
        let text = LSPWorkspace.workflow(ai: "ai-drafted").replacingOccurrences(of: "task: notes", with: "task: notse")
        let (_, actions, uri) = try await fixes(text)
        #expect(actions.map { $0["title"] } == ["Change to 'notes'"])
        #expect(actions.first?["edit"] == .object(["changes": .object([uri: .array([.object(["range": Self.range(4, 61, 66), "newText": "notes"])])])]))
    }

    @Test("quick fix: consent: true is added to a flow step, as a statement the team must make true, not the preferred fix")
    func addConsent() async throws {
        let text = LSPWorkspace.workflow(ai: "ai-drafted").replacingOccurrences(of: "consent: true, ", with: "")
        let (_, actions, uri) = try await fixes(text)
        #expect(actions.map { $0["title"] } == ["Record consent: true (only once the client has consented to AI use)"])
        #expect(actions.first?["isPreferred"] == .bool(false))
        // Before the closing brace of the one-line step.
        #expect(actions.first?["edit"] == .object(["changes": .object([uri: .array([.object(["range": Self.range(4, 142, 142), "newText": ", consent: true"])])])]))
    }

    @Test("quick fix: disclosure: true is added on its own line after a block step's last entry")
    func addDisclosureBlock() async throws {
        let text = """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: wf}
            steps:
              - id: s1
                task: notes
                ai: ai-drafted
                tool: scribe
                data: [phi]
                performer: ana
                reviewer: ben
                consent: true

            """
        let (_, actions, uri) = try await fixes(text)
        #expect(actions.first?["edit"] == .object(["changes": .object([uri: .array([.object(["range": Self.range(11, 17, 17), "newText": "\n    disclosure: true"])])])]))
    }
}
