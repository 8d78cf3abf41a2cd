import Foundation
import Testing
import TacetPluginHost
import TacetPluginKit
import TacetPluginProtocol
import TacetSchemas

/// TacetPluginKit in protocol 2: one `check(document, context)` serves a batch, one result per document,
/// a document it cannot judge fails alone.
@Suite struct PluginKitBatchTests {
    /// Reports each workflow's step count under the policy it names; throws on a document without steps.
    struct Counter: TacetPlugin {
        var protocols = PluginMain.protocols
        var description: DescribeResponse {
            DescribeResponse(name: "counter", version: "1.0.0", protocols: protocols, kinds: ["Workflow"],
                             rules: [PluginRule(id: "counter/steps", severity: .info, summary: "Counts steps.")])
        }
        struct Refusal: Error, CustomStringConvertible { var description: String { "no steps to judge" } }

        func check(_ document: RequestDocument, context: CheckContext) throws -> [PluginFinding] {
            guard let steps = document.content["steps"]?.arrayValue else { throw Refusal() }
            let policy = context.policy?["name"]?.stringValue ?? "none"
            return [PluginFinding(rule: "counter/steps", severity: .info,
                                  message: "\(document.name): \(steps.count) steps under \(policy) (protocol \(context.protocolVersion), "
                                      + "\(context.roster.count) therapists)",
                                  pointer: "/steps")]
        }
    }

    static func document(_ name: String, content: String, policy: String? = nil) -> String {
        #"{"file":"\#(name).yaml","kind":"Workflow","name":"\#(name)","content":\#(content),"policy":\#(policy.map { "\"\($0)\"" } ?? "null")}"#
    }

    static func batch(_ documents: [String], version: Int = 2) -> Data {
        Data((#"{"protocolVersion":\#(version),"policies":{"clinic":{"name":"clinic"},"ward":{"name":"ward"}},"framework":null,"#
              + #""roster":[{"kind":"Therapist"}],"documents":[\#(documents.joined(separator: ","))],"future":"ignored"}"#).utf8)
    }

    @Test func answersEveryDocumentOnceInOrderWithItsOwnPolicy() {
        let response = PluginMain.checkBatch(Counter(), input: Self.batch([
            Self.document("a", content: #"{"steps":[{},{}]}"#, policy: "clinic"),
            Self.document("b", content: #"{"steps":[{}]}"#, policy: "ward"),
            Self.document("c", content: #"{"steps":[]}"#),
        ]))
        #expect(response.error == nil)
        #expect(response.results?.map(\.document) == [0, 1, 2])
        #expect(response.results?.map { $0.findings?.map(\.message) } == [
            ["a: 2 steps under clinic (protocol 2, 1 therapists)"],
            ["b: 1 steps under ward (protocol 2, 1 therapists)"],
            ["c: 0 steps under none (protocol 2, 1 therapists)"],
        ])
    }

    @Test func aDocumentItCannotJudgeFailsAloneAndTheOthersKeepTheirFindings() {
        let response = PluginMain.checkBatch(Counter(), input: Self.batch([
            Self.document("a", content: "{}"),
            Self.document("b", content: #"{"steps":[{}]}"#),
            #"{"file":"c.yaml","name":"c","content":{"steps":[]}}"#,  // no kind: the kit cannot read it
            Self.document("d", content: #"{"steps":[]}"#, policy: "elsewhere"),
            Self.document("e", content: #"{"steps":[{},{},{}]}"#, policy: "clinic"),
        ]))
        let results = response.results ?? []
        #expect(results.map(\.document) == [0, 1, 2, 3, 4])
        #expect(results[0].error?.message == "no steps to judge")
        #expect(results[0].findings == nil)
        #expect(results[1].findings?.map(\.message) == ["b: 1 steps under none (protocol 2, 1 therapists)"])
        #expect(results[2].error?.message == "could not read document 2 of the request: 'kind' is missing")
        #expect(results[3].error?.message == "the document names policy 'elsewhere', which the request's policies do not hold")
        #expect(results[4].findings?.map(\.message) == ["e: 3 steps under clinic (protocol 2, 1 therapists)"])
    }

    @Test func theBytesItWritesFollowTheV2ResponseSchema() throws {
        let output = PluginMain.respond(Counter(), input: Self.batch([
            Self.document("a", content: "{}"), Self.document("b", content: #"{"steps":[{}]}"#)]))
        let value = try JSONDecoder().decode(JSONValue.self, from: output)
        #expect(try SchemaValidator(schema: PluginSchemas.checkResponseV2).validate(value) == [])
        #expect(value["results"]?.arrayValue?.count == 2)
    }

    @Test func anUnreadableBatchOrAVersionThePluginDoesNotSpeakIsOneErrorForTheWholeBatch() {
        #expect(PluginMain.checkBatch(Counter(), input: Data(#"{"protocolVersion":2}"#.utf8)).error?.message
                    == "could not read the check request: 'documents' is missing")
        #expect(PluginMain.checkBatch(Counter(), input: Data(#"{"protocolVersion":2,"documents":{}}"#.utf8)).error?.message
                    .hasPrefix("could not read the check request: documents: ") == true)
        let v1Only = PluginMain.checkBatch(Counter(protocols: [1]), input: Self.batch([Self.document("a", content: "{}")]))
        #expect(v1Only.results == nil)
        #expect(v1Only.error?.message == "the host asked for protocol 2; this plugin speaks 1")
    }

    @Test func respondAnswersEachVersionInItsOwnShape() throws {
        let v2 = try JSONSerialization.jsonObject(with: PluginMain.respond(Counter(), input: Self.batch([
            Self.document("a", content: #"{"steps":[]}"#)]))) as? [String: Any]
        let results = try #require(v2?["results"] as? [[String: Any]])
        #expect(results.first?["document"] as? Int == 0)
        let v1Request = #"{"protocolVersion":1,"document":\#(Self.document("a", content: #"{"steps":[{}]}"#)),"policy":{"name":"clinic"},"#
            + #""framework":null,"roster":[]}"#
        let v1 = try JSONSerialization.jsonObject(with: PluginMain.respond(Counter(), input: Data(v1Request.utf8))) as? [String: Any]
        let findings = try #require(v1?["findings"] as? [[String: Any]])
        #expect(findings.first?["message"] as? String == "a: 1 steps under clinic (protocol 1, 0 therapists)")
        #expect(v1?["results"] == nil)
    }
}
