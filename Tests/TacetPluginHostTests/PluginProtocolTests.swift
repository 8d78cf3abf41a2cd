import Foundation
import Testing
import TacetPluginHost
import TacetPluginKit
import TacetPluginProtocol
import TacetSchemas

/// Names, rule ids, pointers, the kit's answers, and the schemas the answers are held to.
@Suite struct PluginProtocolTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test(arguments: [("phi-scan", true), ("consent-coverage", true), ("a1", true), ("Phi", false), ("-x", false),
                      ("x-", false), ("a--b", false), ("", false), ("phi_scan", false)])
    func pluginNames(name: String, valid: Bool) {
        #expect(PluginProtocol.isValidPluginName(name) == valid)
    }

    @Test(arguments: [("phi-scan/phone-number", true), ("phi-scan/v2.dates", true), ("phi-scan/", false),
                      ("other/phone", false), ("phi-scan/Phone", false), ("phi-scan/a..b", false), ("phi-scanx/a", false)])
    func ruleIDs(id: String, valid: Bool) {
        #expect(PluginProtocol.isValidRuleID(id, plugin: "phi-scan") == valid)
    }

    @Test func pointersRoundTrip() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a/b":{"~k":[10,20]}}"#.utf8))
        let pointer = PluginProtocol.pointer(["a/b", "~k", "1"])
        #expect(pointer == "/a~1b/~0k/1")
        #expect(value.value(at: pointer) == .number(20))
        #expect(value.value(at: "/a~1b/~0k/01") == nil)
        #expect(value.value(at: "/missing") == nil)
        #expect(value.value(at: "") == value)
    }

    struct Sample: TacetPlugin {
        let description = DescribeResponse(name: "sample", version: "1.0.0", kinds: ["Workflow"],
                                           rules: [PluginRule(id: "sample/steps", severity: .info, summary: "Counts steps.")])
        struct Refusal: Error, CustomStringConvertible { var description: String { "no steps to judge" } }

        func check(_ document: RequestDocument, context: CheckContext) throws -> [PluginFinding] {
            guard let steps = document.content["steps"]?.arrayValue else { throw Refusal() }
            return [PluginFinding(rule: "sample/steps", severity: .info, message: "\(steps.count) steps", pointer: "/steps")]
        }
    }

    func request(_ content: String, version: Int = 1) -> Data {
        Data(#"{"protocolVersion":\#(version),"document":{"file":"w.yaml","kind":"Workflow","name":"w","content":\#(content)},"policy":null,"framework":null,"roster":[],"future":"ignored"}"#.utf8)
    }

    @Test func kitReturnsFindings() {
        let response = PluginMain.check(Sample(), input: request(#"{"steps":[{},{}]}"#))
        #expect(response.findings?.map(\.message) == ["2 steps"])
        #expect(response.error == nil)
    }

    @Test func kitTurnsThrownErrorsIntoTheErrorObject() {
        let response = PluginMain.check(Sample(), input: request("{}"))
        #expect(response.findings == nil)
        #expect(response.error?.message == "no steps to judge")
    }

    @Test func kitRefusesAnUnreadableRequestOrVersion() {
        #expect(PluginMain.check(Sample(), input: Data("garbage".utf8)).error?.message.contains("could not read") == true)
        #expect(PluginMain.check(Sample(), input: request("{}", version: 9)).error?.message.contains("protocol 9") == true)
    }

    @Test(arguments: [("plugin-describe-response", PluginSchemas.describeResponse),
                      ("plugin-check-request", PluginSchemas.checkRequest),
                      ("plugin-check-response", PluginSchemas.checkResponse),
                      ("plugin-check-request.v2", PluginSchemas.checkRequestV2),
                      ("plugin-check-response.v2", PluginSchemas.checkResponseV2)])
    func embeddedSchemasMatchTheDocs(name: String, embedded: String) throws {
        let file = try String(contentsOfFile: Self.repository + "/docs/schemas/\(name).schema.json", encoding: .utf8)
        #expect(file.trimmingCharacters(in: .whitespacesAndNewlines) == embedded.trimmingCharacters(in: .whitespacesAndNewlines),
                "run Scripts/embed-plugin-schemas.py")
        #expect(try SchemaValidator(schema: embedded).unsupportedKeywords().isEmpty)
    }

    func validate(_ json: String, _ schema: String) throws -> [String] {
        try SchemaValidator(schema: schema).validate(JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)))
    }

    @Test func describeSchemaAcceptsTheKitsAnswerAndRejectsMistakes() throws {
        let encoded = try String(decoding: JSONEncoder().encode(Sample().description), as: UTF8.self)
        #expect(try validate(encoded, PluginSchemas.describeResponse) == [])
        let bad = #"{"name":"Sample","version":"1.0","protocols":[],"kinds":["Novel"],"rules":[{"id":"x","severity":"fatal"}]}"#
        let problems = try validate(bad, PluginSchemas.describeResponse)
        #expect(problems.contains { $0.hasPrefix("/name:") })
        #expect(problems.contains { $0.hasPrefix("/version:") })
        #expect(problems.contains { $0.hasPrefix("/protocols:") })
        #expect(problems.contains { $0.hasPrefix("/kinds/0:") })
        #expect(problems.contains { $0 == "/rules/0: missing required 'summary'" })
        #expect(problems.contains { $0.hasPrefix("/rules/0/severity:") })
    }

    @Test func patternsAndFormatsMatchAsTheSchemasMeanThem() throws {
        let schema = #"{"type":"object","properties":{"name":{"type":"string","pattern":"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"},"#
            + #""when":{"type":"string","format":"date"},"at":{"type":"string","format":"date-time"}}}"#
        #expect(try validate(#"{"name":"phi-scan","when":"2026-12-01","at":"2026-12-01T10:00:00+01:00"}"#, schema) == [])
        let problems = try validate(#"{"name":"phi--scan","when":"2026-12-1","at":"2026-12-01 10:00"}"#, schema)
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("/name:") && $0.contains("does not match") })
        // The anchors hold at the ends of the whole text, not of a line in it.
        #expect(try validate(#"{"name":"phi\nscan"}"#, schema).count == 1)
        #expect(try validate(#"{"name":"Ä-scan"}"#, schema).count == 1)
    }

    @Test func checkResponseSchemaNeedsFindingsOrError() throws {
        #expect(try validate(#"{"findings":[]}"#, PluginSchemas.checkResponse) == [])
        #expect(try validate(#"{"error":{"message":"cannot"}}"#, PluginSchemas.checkResponse) == [])
        #expect(try validate(#"{}"#, PluginSchemas.checkResponse) == ["(top level): matches none of the allowed forms"])
        let problems = try validate(#"{"findings":[{"rule":"a/b","severity":"error","message":"","pointer":"steps"}]}"#,
                                    PluginSchemas.checkResponse)
        #expect(problems.contains { $0.hasPrefix("/findings/0/message:") })
        #expect(problems.contains { $0.hasPrefix("/findings/0/pointer:") })
    }

    @Test func checkResponseV2SchemaNeedsResultsOrErrorAndAnIndexPerResult() throws {
        #expect(try validate(#"{"results":[{"document":0,"findings":[]},{"document":1,"error":{"message":"cannot"}}]}"#,
                             PluginSchemas.checkResponseV2) == [])
        #expect(try validate(#"{"error":{"message":"cannot"}}"#, PluginSchemas.checkResponseV2) == [])
        #expect(try validate(#"{}"#, PluginSchemas.checkResponseV2) == ["(top level): matches none of the allowed forms"])
        let problems = try validate(#"{"results":[{"findings":[]},{"document":-1,"findings":[]},{"document":2}]}"#,
                                    PluginSchemas.checkResponseV2)
        #expect(problems.contains("/results/0: missing required 'document'"))
        #expect(problems.contains { $0.hasPrefix("/results/1/document:") })
        #expect(problems.contains("/results/2: matches none of the allowed forms"))
    }
}
