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

    @Test("phi-scan flags every kind of identifier at its string, in string then rule order, and skips text that holds none")
    func phiScanFindsEachRule() async throws {
        // Each string meets the cheap test its rule is screened by; a dotless i matches 'client' only under
        // re.IGNORECASE's Unicode pairing, so that string goes through the pattern, not the ASCII shortcut.
        let content = #"{"setting":"Step 12 of 345, reviewed 3 times","steps":["#
            + #"{"id":"555-123-4567","description":"Call (555) 123-4567 or write to care.team@example.org."},"#
            + #"{"id":"s2","notes":["Chart no. A12345","DOB: 3/4/1990"],"data":["123-45-6789"]},"#
            + #"{"id":"s3","description":"SSN 123-45-6789; clıent # AB-1234"},"#
            + #"{"id":"s4","description":"Seen with Maria Lopez on 2024-03-04."}]}"#
        let response = try await Self.check("phi-scan", Self.request([
            #"{"file":"a.yaml","kind":"Workflow","name":"a","content":\#(content),"policy":null}"#,
        ]))
        let findings = try #require(response.results?.first?.findings)
        #expect(findings.map { "\($0.rule) \($0.pointer)" } == [
            "phi-scan/phone-number /steps/0/description", "phi-scan/email /steps/0/description",
            "phi-scan/record-number /steps/1/notes/0", "phi-scan/date-of-birth /steps/1/notes/1",
            "phi-scan/record-number /steps/2/description", "phi-scan/ssn /steps/2/description",
            "phi-scan/name-with-date /steps/3/description",
        ])
        #expect(findings[4].message == "A medical record, chart or client number in free text ('cl\u{131}••• # ••-••••'): "
                    + "workflows must not identify clients")
    }

    @Test("phi-scan refuses a batch without documents, and a version it does not speak, as one error")
    func phiScanWholeBatchErrors() async throws {
        let missing = try await Self.check("phi-scan", #"{"protocolVersion":2,"policies":{},"roster":[]}"#)
        #expect(missing.error?.message == "the request has no documents list")
        let future = try await Self.check("phi-scan", #"{"protocolVersion":3,"documents":[]}"#)
        #expect(future.error?.message == "protocol 3 is not one of [1, 2]")
    }

    @Test("phi-scan imports neither json nor re for text that no pattern can match, and re once one may")
    func phiScanImportsOnlyWhatTheRequestNeeds() throws {
        // Importing json (which imports re) and compiling the patterns cost a small request more than the
        // rest of its run.
        func modules(_ description: String) throws -> Set<String> {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-I", "-S", "-X", "importtime", Repository.path("Plugins/phi-scan/phi-scan.py"), "check"]
            let input = Pipe(), output = Pipe(), errors = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let document = #"{"file":"a.yaml","kind":"Workflow","name":"a","content":{"steps":[{"id":"s","description":"\#(description)"}]},"policy":null}"#
            try input.fileHandleForWriting.write(contentsOf: Data(Self.request([document]).utf8))
            try input.fileHandleForWriting.close()
            let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(answer.hasPrefix(#"{"results": [{"document": 0, "findings": ["#), "\(answer)")
            // Lines such as `import time:       261 |        261 | _json`.
            return Set(log.split(separator: "\n").compactMap { $0.split(separator: "|").last?.trimmingCharacters(in: .whitespaces) })
        }
        let clean = try modules("Step 2 of 8, drafted from the session notes and signed by the reviewer.")
        #expect(clean.contains("_json"))
        #expect(!clean.contains("json") && !clean.contains("re"), "\(clean.sorted())")
        #expect(try modules("Call 555-123-4567.").contains("re"))
    }

    @Test("phi-scan runs isolated: a json.py or re.py beside the script is not imported")
    func phiScanIgnoresModulesBesideIt() async throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path + "/Plugins/phi-scan"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in ["plugin.yaml", "phi-scan.py"] {
            try FileManager.default.copyItem(atPath: Repository.path("Plugins/phi-scan/" + file), toPath: folder + "/" + file)
        }
        for module in ["json", "re"] {
            try directory.write("Plugins/phi-scan/\(module).py", "raise SystemExit('the \(module).py beside the script was imported')\n")
        }
        let catalog = PluginDiscovery(hostVersions: [1, 2]).discover([directory.path + "/Plugins"])
        let plugin = try #require(catalog.plugins.first, "\(catalog.problems)")
        let host = PluginHost(options: PluginRunOptions(jobs: 1, hostEnvironment: ProcessInfo.processInfo.environment, hostVersions: [1, 2]))
        let request = Self.request([
            #"{"file":"a.yaml","kind":"Workflow","name":"a","content":{"steps":[{"id":"s","description":"Call 555-123-4567."}]},"policy":null}"#,
        ])
        let exchange = try await host.exchange(plugin, verb: PluginProtocol.checkVerb, input: Array(request.utf8)).get()
        let response = try JSONDecoder().decode(BatchCheckResponse.self, from: Data(exchange.output))
        #expect(response.results?.first?.findings?.map(\.rule) == ["phi-scan/phone-number"])
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
