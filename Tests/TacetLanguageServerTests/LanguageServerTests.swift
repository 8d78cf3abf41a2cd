import Foundation
import Testing
import TacetLanguageServer
import TacetPluginProtocol

/// The server driven through its framing as an editor drives it, with exact messages asserted.
@Suite("Language server")
struct LanguageServerTests {
    @Test("explore")
    func explore() async throws {
        let workspace = try LSPWorkspace()
        let session = LSPSession()
        _ = try await session.start(root: workspace.path)
        session.open(workspace.file("wf.yaml"), LSPWorkspace.workflow(ai: "ai-delegated"))
        let diagnostics = try await session.diagnostics(workspace.file("wf.yaml"))
        Issue.record("\(diagnostics.map { String(decoding: JSONText.encode($0), as: UTF8.self) })")
        Issue.record("\(session.messages.map { String(decoding: JSONText.encode($0), as: UTF8.self) })")
    }
}
