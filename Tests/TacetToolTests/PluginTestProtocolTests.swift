import Foundation
import Testing
import TacetTestSupport

/// `tacet plugin test` in both protocol versions through the built binary: it says which version the plugin
/// spoke and holds each answer to that version's schema.
@Suite("plugin test in protocols 1 and 2", .serialized)
struct PluginTestProtocolTests {
    /// The small check's paths with its workflow named relative to `directory`, as a user in it would.
    static func paths(in directory: borrowing TemporaryDirectory) throws -> [String] {
        try PluginCommandTests.smallCheck(in: directory).dropLast() + ["w.yaml"]
    }

    static func test(_ name: String, in directory: borrowing TemporaryDirectory, extra: [String] = []) throws -> TacetBinary.Result {
        try TacetBinary.run(["plugin", "test", name] + paths(in: directory) + extra + ["--plugins", directory.path + "/Plugins"],
                            in: directory.path)
    }

    @Test("a protocol 1 plugin is tested one document per call and reported as speaking protocol 1")
    func protocolOne() throws {
        let directory = try TemporaryDirectory()
        try PluginBatchCommandTests.writePlugin("single", protocols: "[1]", answer: #"{"findings":[]}"#, in: directory)
        let result = try Self.test("single", in: directory)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout == """
            describe: valid
            protocol 1 negotiated (the plugin speaks 1; tacet speaks 1, 2)
            check w.yaml: valid, 0 findings

            plugin 'single' follows protocol 1: 0 errors, 0 warnings, 0 infos

            """)
    }

    @Test("a protocol 2 answer that breaks the v2 schema is named with its violation")
    func protocolTwoSchemaViolation() throws {
        let directory = try TemporaryDirectory()
        try PluginBatchCommandTests.writePlugin("batcher", protocols: "[1, 2]", answer: #"{"results":[{"findings":[]}]}"#, in: directory)
        let result = try Self.test("batcher", in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("""
            protocol 2 negotiated (the plugin speaks 1, 2; tacet speaks 1, 2)
            check of 1 document in one call: 1 schema violation:
              /results/0: missing required 'document'

            """), "\(result.stdout)")
        #expect(result.stdout.contains("\nplugin 'batcher' broke protocol 2 (above): "))
    }

    @Test("a protocol 2 plugin that cannot judge one document of the batch: the other keeps its findings")
    func protocolTwoPerDocumentError() throws {
        let directory = try TemporaryDirectory()
        try PluginBatchCommandTests.writePlugin("batcher", protocols: "[1, 2]", answer: #"{"results":[{"document":1,"findings":"#
            + #"[{"rule":"batcher/odd","severity":"warning","message":"Odd step.","pointer":"/steps/0/ai"}]},"#
            + #"{"document":0,"error":{"message":"too strange to judge"}}]}"#, in: directory)
        try directory.write("x.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: x}
            steps:
              - {id: s, task: session-planning, ai: human-only, performer: t-ana}
            """)
        let result = try Self.test("batcher", in: directory, extra: ["x.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("""
            check of 2 documents in one call: valid
              w.yaml: 0 findings
              x.yaml: 1 finding

            """), "\(result.stdout)")
        #expect(result.stdout.contains("x.yaml:5:41: warning: Odd step. [batcher/odd]"))
        #expect(result.stdout.contains("could not judge this document: too strange to judge"))
        #expect(result.stdout.contains("\nplugin 'batcher' broke protocol 2 (above): "))
    }
}
