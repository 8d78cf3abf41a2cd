import Foundation
import Testing
import TacetPluginHost
import TacetPluginProtocol
import TacetSchemas
import TacetTestSupport

/// The shipped plugins answer protocol 2 requests as processes, through the host's own call: one result per
/// document, following the v2 response schema, and a document they cannot judge next to one they can.
@Suite struct ShippedPluginBatchTests {
    static let catalog = PluginDiscovery(hostVersions: [1, 2]).discover([Repository.path("Plugins")])

    static func plugin(_ name: String) throws -> DiscoveredPlugin {
        try #require(catalog.plugins.first { $0.name == name }, "\(catalog.problems)")
    }

    /// Runs `check` of `name` on `request` and decodes the protocol 2 answer.
    static func check(_ name: String, _ request: String) async throws -> BatchCheckResponse {
        let host = PluginHost(options: PluginRunOptions(jobs: 1, hostEnvironment: ProcessInfo.processInfo.environment, hostVersions: [1, 2]))
        let exchange = try await host.exchange(plugin(name), verb: PluginProtocol.checkVerb, input: Array(request.utf8)).get()
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(exchange.output))
        #expect(try SchemaValidator(schema: PluginSchemas.checkResponseV2).validate(value) == [])
        return try JSONDecoder().decode(BatchCheckResponse.self, from: Data(exchange.output))
    }

    static func request(_ documents: [String], policies: String = "{}") -> String {
        #"{"protocolVersion":2,"policies":\#(policies),"framework":null,"roster":[],"documents":[\#(documents.joined(separator: ","))]}"#
    }

    @Test("both shipped plugins list protocols 1 and 2 in their manifests")
    func manifestsListBothVersions() throws {
        for name in ["phi-scan", "consent-coverage"] {
            #expect(try Self.plugin(name).manifest.protocols == [1, 2])
        }
    }

    @Test("phi-scan answers a batch: findings for the document it can judge, an error for the one it cannot")
    func phiScanBatch() async throws {
        let response = try await Self.check("phi-scan", Self.request([
            #"{"file":"a.yaml","kind":"Workflow","name":"a","content":{"steps":[{"id":"s","description":"Call 555-123-4567."}]},"policy":null}"#,
            #"{"file":"b.yaml","kind":"Workflow","name":"b","content":["not","an","object"],"policy":null}"#,
            #"{"file":"c.yaml","kind":"LearningPlan","name":"c","content":{"notes":"nothing to see"},"policy":null}"#,
        ]))
        #expect(response.error == nil)
        let results = try #require(response.results)
        #expect(results.map(\.document) == [0, 1, 2])
        #expect(results[0].findings?.map(\.rule) == ["phi-scan/phone-number"])
        #expect(results[0].findings?.first?.pointer == "/steps/0/description")
        #expect(results[0].error == nil)
        #expect(results[1].error?.message == "the document content is not an object")
        #expect(results[1].findings == nil)
        #expect(results[2].findings == [])
    }

    @Test("phi-scan refuses a batch without documents, and a version it does not speak, as one error")
    func phiScanWholeBatchErrors() async throws {
        let missing = try await Self.check("phi-scan", #"{"protocolVersion":2,"policies":{},"roster":[]}"#)
        #expect(missing.error?.message == "the request has no documents list")
        let future = try await Self.check("phi-scan", #"{"protocolVersion":3,"documents":[]}"#)
        #expect(future.error?.message == "protocol 3 is not one of [1, 2]")
    }

    @Test("consent-coverage answers a batch through the kit, each document under its own policy")
    func consentCoverageBatch() async throws {
        let step = #"{"id":"draft","task":"progress-note-drafting","ai":"ai-assisted","data":["phi"]}"#
        let response = try await Self.check("consent-coverage", Self.request([
            #"{"file":"a.yaml","kind":"Workflow","name":"a","content":{"steps":[\#(step)]},"policy":"clinic"}"#,
            #"{"file":"b.yaml","kind":"Workflow","name":"b","content":{"steps":[\#(step)]},"policy":"bare"}"#,
            #"{"file":"c.yaml","kind":"Workflow","name":"c","content":{"title":"no steps"},"policy":"clinic"}"#,
        ], policies: #"{"clinic":{"tasks":[{"id":"informed-consent"}]},"bare":{"tasks":[{"id":"other"}]}}"#))
        let results = try #require(response.results)
        #expect(results.map(\.document) == [0, 1, 2])
        #expect(results[0].findings?.map(\.message)
                    == ["step 'draft' uses AI (ai-assisted) on client data (phi) and no step of the workflow obtains informed consent"])
        #expect(results[1].error?.message == "the policy has no 'informed-consent' task, so consent steps cannot be recognised")
        #expect(results[2].error?.message == "the workflow has no steps array")
    }
}
