import Foundation
import Testing
import TacetDocuments
import TacetPluginHost
import TacetPluginProtocol
import TacetTestSupport

/// What a plugin is told about the policy in force.
@Suite struct PluginContextTests {
    @Test("a plugin sees a layer's task with every field in force, the inherited ones included")
    func inheritedTaskFields() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("base.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: base}
            citations:
              - {id: src, title: Source, source: test}
            tasks:
              - id: notes
                title: Notes
                area: documentation
                maxAI: ai-drafted
                requires:
                  review: {role: therapist, minLevel: developing}
                  consent: true
                cite: [src]
            """)
        _ = try directory.write("team.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: team}
            extends: [base]
            tasks:
              - id: notes
                maxAI: ai-assisted
            """)
        let path = try directory.write("wf.yaml", "apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: w}\npolicy: team\nsteps: []\n")
        let workspace = WorkspaceLoader().load([directory.path])
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics.map(\.message))")
        let workflow = try #require(workspace.documents.first { $0.file == path })
        let request = try PluginContext(workspace.documents).request(for: workflow, version: 1)
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(request))
        let expected = #"""
            [{"id": "notes", "title": "Notes", "area": "documentation", "maxAI": "ai-assisted",
              "requires": {"review": {"role": "therapist", "minLevel": "developing"}, "consent": true, "disclosure": false, "training": []},
              "clinical": true, "classifies": [], "cite": ["src"]}]
            """#
        #expect(json["policy"]?["tasks"] == (try JSONDecoder().decode(JSONValue.self, from: Data(expected.utf8))))
    }
}
