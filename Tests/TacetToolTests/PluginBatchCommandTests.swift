import Foundation
import Testing
import TacetDocuments
import TacetTestSupport

/// End-to-end through the built binary: a protocol 2 plugin and a protocol 1 plugin side by side.
@Suite("Plugin protocol 2 commands", .serialized)
struct PluginBatchCommandTests {
    /// Writes plugin `name` speaking `protocols`, whose `check` prints `answer` after reading its request.
    static func writePlugin(_ name: String, protocols: String, answer: String, in directory: borrowing TemporaryDirectory) throws {
        try directory.write("Plugins/\(name)/plugin.yaml", """
            apiVersion: tacet/v1
            kind: Plugin
            metadata: {name: \(name), version: 0.1.0}
            command: [./\(name).sh]
            protocols: \(protocols)
            kinds: [Workflow]
            """)
        let describe = #"{"name":"\#(name)","version":"0.1.0","protocols":\#(protocols),"kinds":["Workflow"],"#
            + #""rules":[{"id":"\#(name)/odd","severity":"warning","summary":"Something odd."}]}"#
        chmod(try directory.write("Plugins/\(name)/\(name).sh", """
            #!/bin/sh
            cat >/dev/null
            case "$1" in
            describe) printf '%s' '\(describe)' ;;
            check) printf '%s' '\(answer)' ;;
            esac
            """), 0o755)
    }

    @Test("plugin list says protocol 2 for a batching plugin and 1 for a protocol 1 plugin; check maps each batch finding to its file")
    func listAndCheck() throws {
        let directory = try TemporaryDirectory()
        try Self.writePlugin("batcher", protocols: "[1, 2]", answer: #"{"results":[{"document":0,"findings":[]},"#
            + #"{"document":1,"findings":[{"rule":"batcher/odd","severity":"warning","message":"Odd step.","pointer":"/steps/0/ai"}]}]}"#,
            in: directory)
        try Self.writePlugin("single", protocols: "[1]",
                             answer: #"{"findings":[{"rule":"single/odd","severity":"warning","message":"Old-style.","pointer":""}]}"#, in: directory)
        let list = try TacetBinary.run(["plugin", "list", "--plugins", directory.path + "/Plugins"], in: directory.path)
        #expect(list.status == 0, "\(list.stdout) \(list.stderr)")
        #expect(list.stdout.contains("batcher 0.1.0  "))
        #expect(list.stdout.contains("  kinds: Workflow; protocols: 1, 2; timeout: 10 s\n  speaks protocol 2; 1 rule:\n"))
        #expect(list.stdout.contains("  kinds: Workflow; protocols: 1; timeout: 10 s\n  speaks protocol 1; 1 rule:\n"))

        let second = try directory.write("x.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: x}
            steps:
              - {id: s, task: session-planning, ai: human-only, performer: t-ana}
            """)
        let paths = try PluginCommandTests.smallCheck(in: directory) + [second]
        let check = try TacetBinary.run(["check"] + paths + ["--plugins", directory.path + "/Plugins", "--jobs", "1"], in: directory.path)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        // The batch's second document is x.yaml (in the order loaded): its finding is at its own step.
        #expect(check.stdout.contains("x.yaml:5:41: warning: Odd step. [batcher/odd]"), "\(check.stdout)")
        #expect(!check.stdout.contains("w.yaml:5:41: warning: Odd step."))
        #expect(check.stdout.contains("w.yaml:1:1: warning: Old-style. [single/odd]"))
        #expect(check.stdout.contains("(2 plugins ran 3 checks)"))
        #expect(check.stdout.contains("x.yaml:1:1: warning: Old-style. [single/odd]"))
    }
}
