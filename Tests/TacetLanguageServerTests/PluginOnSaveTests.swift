import Foundation
import Testing
import TacetDocuments
import TacetLanguageServer
import TacetPluginHost
import TacetPluginProtocol

/// Checker plugins in the editor: run on save only, with `check`'s guarantees; a failing one is a diagnostic.
@Suite("Language server plugins")
struct PluginOnSaveTests {
    /// Writes a shell-script plugin `name` in the workspace's Plugins folder whose `check` runs `check`.
    private func plugin(_ name: String, in workspace: LSPWorkspace, check: String) throws {
        let describe = #"{"name":"\#(name)","version":"1.0.0","protocols":[1],"kinds":["Workflow"],"#
            + #""rules":[{"id":"\#(name)/finding","severity":"warning","summary":"A test finding."}]}"#
        let script = try workspace.directory.write("Plugins/\(name)/plugin.sh", """
            #!/bin/sh
            case "$1" in
            describe) cat >/dev/null; printf '%s' '\(describe)' ;;
            check) \(check) ;;
            esac
            """)
        chmod(script, 0o755)
        _ = try workspace.directory.write("Plugins/\(name)/plugin.yaml", """
            apiVersion: tacet/v1
            kind: Plugin
            metadata: {name: \(name), version: 1.0.0}
            command: [./plugin.sh]
            protocols: [1]
            kinds: [Workflow]
            timeout: 5

            """)
    }

    @Test("a plugin's finding appears on save, not per keystroke; a crashing plugin is a diagnostic and the server goes on")
    func onSave() async throws {
        let workspace = try LSPWorkspace()
        try plugin("flagger", in: workspace,
                   check: #"cat >/dev/null; printf '%s' '{"findings":[{"rule":"flagger/finding","severity":"warning","message":"Flagged.","pointer":"/steps/0/ai"}]}'"#)
        try plugin("crasher", in: workspace, check: "cat >/dev/null; exit 3")
        let options = LanguageServerOptions(today: CalendarDate("2026-11-21"),
                                            plugins: PluginRunOptions(jobs: 1, hostEnvironment: ProcessInfo.processInfo.environment))
        let session = LSPSession(options: options)
        _ = try await session.start(root: workspace.path)
        let workflow = workspace.file("wf.yaml")
        session.open(workflow, LSPWorkspace.workflow(ai: "ai-drafted"))
        // Opened and typed in: no plugin has run, so nothing is published for the compliant workflow.
        session.change(workflow, version: 2, LSPWorkspace.workflow(ai: "ai-drafted") + "# edited\n")
        _ = try await session.request("textDocument/hover", .object([
            "textDocument": .object(["uri": .string(DocumentURI.uri(of: workflow))]),
            "position": .object(["line": .number(0), "character": .number(0)]),
        ]))
        #expect(!session.messages.contains { $0["method"] == "textDocument/publishDiagnostics" })
        session.notify("textDocument/didSave", .object(["textDocument": .object(["uri": .string(DocumentURI.uri(of: workflow))])]))
        let diagnostics = try await session.diagnostics(workflow)
        // The failure is reported on the document the plugin was checking, at its start.
        #expect(diagnostics.map { $0["code"] } == ["plugin.exit-status", "flagger/finding"])
        #expect(diagnostics.map { $0["source"] } == ["tacet plugin crasher", "tacet plugin flagger"])
        #expect(diagnostics.first?["message"]?.stringValue?.hasPrefix("plugin 'crasher' exited with status 3 (check)") == true)
        #expect(diagnostics.last?["range"] == .object(["start": .object(["line": .number(4), "character": .number(43)]),
                                                       "end": .object(["line": .number(4), "character": .number(53)])]))
        // The next keystroke keeps the saved findings: plugins do not run again until the next save, and
        // what they found is not cleared. Two requests after it: the first makes the server check, and the
        // second's answer comes after anything that check published.
        let published = session.messages.count
        session.change(workflow, version: 3, LSPWorkspace.workflow(ai: "ai-drafted") + "# edited again\n")
        for _ in 0..<2 {
            _ = try await session.request("textDocument/hover", .object([
                "textDocument": .object(["uri": .string(DocumentURI.uri(of: workflow))]),
                "position": .object(["line": .number(0), "character": .number(0)]),
            ]))
        }
        #expect(!session.messages.dropFirst(published).contains { $0["method"] == "textDocument/publishDiagnostics" })
    }
}
