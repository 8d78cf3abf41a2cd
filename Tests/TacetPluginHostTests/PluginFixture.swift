import Foundation
import TacetDocuments
import TacetPluginHost
import TacetTestSupport

/// A temporary plugin directory with shell-script plugins and one small workflow to check.
struct PluginFixture: ~Copyable {
    let directory = try! TemporaryDirectory()  // invariant: a test cannot run without its temporary folder

    var plugins: String { directory.path + "/Plugins" }

    static let workflow = """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: sample}
        steps:
          - id: first
            task: session-planning
            ai: ai-assisted
            performer: t-ana
            description: Plan the group session.
          - id: second
            task: progress-note-drafting
            ai: human-only
            performer: t-ana
        """

    /// A describe answer for `name` with one rule, `NAME/finding`.
    static func describe(_ name: String, protocols: String = "[1]") -> String {
        #"{"name":"\#(name)","version":"1.0.0","protocols":\#(protocols),"kinds":["Workflow"],"#
            + #""rules":[{"id":"\#(name)/finding","severity":"warning","summary":"A test finding."}]}"#
    }

    /// Writes plugin `name` whose `check` runs `check` (sh) and whose `describe` prints `describe`.
    @discardableResult
    func plugin(_ name: String, check: String, describe: String? = nil, timeout: Double = 5,
                extraManifest: String = "", command: String = "./plugin.sh", protocols: String = "[1]") throws -> String {
        let script = """
            #!/bin/sh
            case "$1" in
            describe) cat >/dev/null; printf '%s' '\(describe ?? Self.describe(name, protocols: protocols))' ;;
            check) \(check) ;;
            esac
            """
        let path = try directory.write("Plugins/\(name)/plugin.sh", script)
        chmod(path, 0o755)
        try directory.write("Plugins/\(name)/plugin.yaml", """
            apiVersion: tacet/v1
            kind: Plugin
            metadata: {name: \(name), version: 1.0.0}
            command: [\(command)]
            protocols: \(protocols)
            kinds: [Workflow]
            timeout: \(timeout)
            \(extraManifest)
            """)
        return directory.path + "/Plugins/" + name
    }

    /// The sample workflow, loaded.
    func document(_ text: String = PluginFixture.workflow) throws -> LoadedDocument {
        let path = try directory.write("sample.yaml", text)
        let workspace = WorkspaceLoader().load([path])
        guard let document = workspace.documents.first else {
            throw FixtureError(message: "the sample did not load: \(workspace.diagnostics.map(\.message))")
        }
        return document
    }

    /// `count` copies of the sample, `sample-0.yaml`..., each step's description naming its copy, loaded in order.
    func documents(_ count: Int) throws -> [LoadedDocument] {
        let paths = try (0..<count).map { index in
            try directory.write("batch/sample-\(index).yaml",
                                PluginFixture.workflow.replacingOccurrences(of: "Plan the group session.", with: "Plan session \(index)."))
        }
        let documents = WorkspaceLoader().load(paths).documents
        guard documents.count == count else { throw FixtureError(message: "the samples did not load") }
        return documents
    }

    /// Discovers the plugins and runs them on the sample.
    func run(_ document: LoadedDocument, options: PluginRunOptions = PluginFixture.options) async -> (PluginCatalog, PluginRunReport) {
        await run([document], options: options)
    }

    /// Discovers the plugins and runs them on `documents`.
    func run(_ documents: [LoadedDocument], options: PluginRunOptions = PluginFixture.options) async -> (PluginCatalog, PluginRunReport) {
        let catalog = PluginDiscovery().discover([plugins])
        let report = await PluginHost(options: options).run(catalog.plugins, on: documents)
        return (catalog, report)
    }

    static let options = PluginRunOptions(jobs: 2, hostEnvironment: ProcessInfo.processInfo.environment, gracePeriod: 0.5)

    struct FixtureError: Error {
        let message: String
    }
}
