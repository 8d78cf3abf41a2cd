import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost
import TacetPluginProtocol
import TacetSchemas

/// Protocol 2 against real plugins: documents go in batches, each batch's failure is reported on every
/// document it covered under its own code, one document's problem does not lose the others' findings,
/// and no process is left behind.
@Suite struct PluginBatchTests {
    /// One slot, so the three documents of a plugin go in one call.
    static let oneSlot = PluginRunOptions(jobs: 1, hostEnvironment: ProcessInfo.processInfo.environment, gracePeriod: 0.5)

    /// An answer for documents 0, 1 and 2, each with one finding pointing into its own document.
    static let answer = #"{"results":[{"document":0,"findings":[{"rule":"batch/finding","severity":"warning","message":"Step one.","pointer":"/steps/0/ai"}]},"#
        + #"{"document":1,"findings":[{"rule":"batch/finding","severity":"warning","message":"Step two.","pointer":"/steps/1/ai"}]},"#
        + #"{"document":2,"findings":[]}]}"#

    /// Every failure of `report`, which must be one per document, each with `code`, each on its own file,
    /// each saying it came from a call covering the batch.
    func failurePerDocument(_ report: PluginRunReport, _ documents: [LoadedDocument], code: String) throws -> [Diagnostic] {
        try #require(report.failures.count == documents.count, "failures: \(report.failures.map(\.message))")
        #expect(report.failures.allSatisfy { $0.code == code && $0.isPluginFailure && $0.severity == .error })
        #expect(Set(report.failures.compactMap(\.location?.file)) == Set(documents.map(\.file)))
        #expect(report.failures.allSatisfy { $0.message.hasSuffix("(check of \(documents.count) documents)") }, "\(report.failures.map(\.message))")
        #expect(report.findings.isEmpty)
        #expect(report.calls == 1)
        return report.failures
    }

    @Test func sendsEveryDocumentInOneCallAndMapsEachFindingToItsOwnFile() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("batch", check: #"cat > "$TACET_PLUGIN_DIR/request.json"; printf '%s' '\#(Self.answer)'"#,
                                        protocols: "[1, 2]")
        let documents = try fixture.documents(3)
        let (catalog, report) = await fixture.run(documents, options: Self.oneSlot)
        #expect(catalog.problems.isEmpty)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
        #expect(report.described.map(\.version) == [2])
        #expect(report.calls == 1)
        #expect(report.processes == 2)
        let findings = report.findings.sorted { ($0.location?.file ?? "") < ($1.location?.file ?? "") }
        #expect(findings.map(\.location?.file) == [documents[0].file, documents[1].file])
        #expect(findings.map(\.location?.line) == [7, 12])
        #expect(findings.map(\.location?.column) == [9, 9])
        #expect(findings.map(\.message) == ["Step one.", "Step two."])
        // The request the plugin read is a valid protocol 2 request naming the documents in order.
        let request = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/request.json")))
        #expect(try SchemaValidator(schema: PluginSchemas.checkRequestV2).validate(request) == [])
        let decoded = try JSONDecoder().decode(BatchCheckRequest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/request.json")))
        #expect(decoded.protocolVersion == 2)
        #expect(decoded.documents.map(\.file) == documents.map(\.file))
        #expect(decoded.documents.map { $0.content.value(at: "/steps/0/description") } == ["Plan session 0.", "Plan session 1.", "Plan session 2."])
    }

    @Test func splitsDocumentsIntoOneBatchPerSlotSharedAmongPlugins() async throws {
        let fixture = PluginFixture()
        for name in ["first", "second"] {
            try fixture.plugin(name, check: #"cat >/dev/null; echo '{"results":[]}' >/dev/null; printf '%s' '{"error":{"message":"no"}}'"#, protocols: "[2]")
        }
        let documents = try fixture.documents(5)
        let options = PluginRunOptions(jobs: 4, hostEnvironment: [:], gracePeriod: 0.5)
        let (_, report) = await fixture.run(documents, options: options)
        // Four slots shared by two plugins: two batches each (of 3 and 2 documents), four calls in all.
        #expect(report.calls == 4)
        #expect(report.processes == 6)
        #expect(report.failures.count == 10)
        #expect(Set(report.failures.map(\.message)) == [
            "plugin 'first' could not judge this batch of 3 documents: no (check of 3 documents)",
            "plugin 'first' could not judge this batch of 2 documents: no (check of 2 documents)",
            "plugin 'second' could not judge this batch of 3 documents: no (check of 3 documents)",
            "plugin 'second' could not judge this batch of 2 documents: no (check of 2 documents)",
        ])
    }

    @Test func aVersionOnePluginStillGetsOneCallPerDocument() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("old", check: #"cat >> "$TACET_PLUGIN_DIR/requests"; echo >> "$TACET_PLUGIN_DIR/requests"; printf '%s' '{"findings":[{"rule":"old/finding","severity":"warning","message":"Old.","pointer":"/steps/1/ai"}]}'"#)
        let documents = try fixture.documents(3)
        let (_, report) = await fixture.run(documents, options: Self.oneSlot)
        #expect(report.failures.isEmpty)
        #expect(report.described.map(\.version) == [1])
        #expect(report.calls == 3)
        #expect(Set(report.findings.compactMap(\.location?.file)) == Set(documents.map(\.file)))
        let requests = try String(contentsOfFile: folder + "/requests", encoding: .utf8).split(separator: "\n")
        #expect(requests.count == 3)
        for request in requests {
            let decoded = try JSONDecoder().decode(CheckRequest.self, from: Data(request.utf8))
            #expect(decoded.protocolVersion == 1)
            #expect(try SchemaValidator(schema: PluginSchemas.checkRequest).validate(JSONDecoder().decode(JSONValue.self, from: Data(request.utf8))) == [])
        }
    }

    @Test func aManifestListingOnlyVersionOneKeepsThePluginOnIt() async throws {
        let fixture = PluginFixture()
        // Its library answers [1, 2], its manifest still says [1]: protocol 1.
        try fixture.plugin("kit", check: #"cat >/dev/null; printf '%s' '{"findings":[]}'"#,
                           describe: PluginFixture.describe("kit", protocols: "[1, 2]"))
        let (_, report) = await fixture.run(try fixture.documents(2), options: Self.oneSlot)
        #expect(report.failures.isEmpty)
        #expect(report.described.map(\.version) == [1])
        #expect(report.calls == 2)
    }

    @Test func oneDocumentsErrorDoesNotLoseTheOthersFindings() async throws {
        let fixture = PluginFixture()
        let answer = #"{"results":[{"document":2,"findings":[{"rule":"batch/finding","severity":"warning","message":"Third.","pointer":"/steps/0"}]},"#
            + #"{"document":0,"error":{"message":"cannot read step two"}},"#
            + #"{"document":1,"findings":[{"rule":"batch/finding","severity":"info","message":"Second.","pointer":""}]}]}"#
        try fixture.plugin("batch", check: #"cat >/dev/null; printf '%s' '\#(answer)'"#, protocols: "[2]")
        let documents = try fixture.documents(3)
        let (_, report) = await fixture.run(documents, options: Self.oneSlot)
        #expect(report.failures.map(\.code) == ["plugin.could-not-judge"])
        #expect(report.failures.first?.location?.file == documents[0].file)
        #expect(report.failures.first?.message == "plugin 'batch' could not judge this document: cannot read step two (check of 3 documents)")
        #expect(Set(report.findings.map(\.message)) == ["Second.", "Third."])
        #expect(report.findings.first { $0.message == "Third." }?.location?.file == documents[2].file)
        #expect(report.findings.first { $0.message == "Second." }?.location?.file == documents[1].file)
    }

    @Test func aMissingIndexIsReportedOnThatDocument() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("batch", check: #"cat >/dev/null; printf '%s' '{"results":[{"document":0,"findings":[]},{"document":2,"findings":[]}]}'"#,
                           protocols: "[2]")
        let documents = try fixture.documents(3)
        let (_, report) = await fixture.run(documents, options: Self.oneSlot)
        #expect(report.failures.map(\.code) == ["plugin.invalid-response"])
        #expect(report.failures.first?.location?.file == documents[1].file)
        #expect(report.failures.first?.message
            == "plugin 'batch' answered for 2 of 3 documents, not this one (document 1) (check of 3 documents)")
    }

    @Test(arguments: [(#"{"results":[{"document":0,"findings":[]},{"document":3,"findings":[]}]}"#,
                       "plugin 'batch' answered for document 3, but the request held 3 (indices 0 to 2) (check of 3 documents)"),
                      (#"{"results":[{"document":0,"findings":[]},{"document":0,"findings":[]},{"document":1,"findings":[]}]}"#,
                       "plugin 'batch' answered for document 0 twice (check of 3 documents)"),
                      (#"{"findings":[]}"#,
                       "plugin 'batch' answered a protocol 2 check with a protocol 1 answer ('findings', not 'results') (check of 3 documents)")])
    func anIndexOutOfRangeOrRepeatedOrTheWrongProtocolInvalidatesTheWholeAnswer(answer: String, message: String) async throws {
        let fixture = PluginFixture()
        try fixture.plugin("batch", check: "cat >/dev/null; printf '%s' '\(answer)'", protocols: "[2]")
        let documents = try fixture.documents(3)
        let failures = try failurePerDocument(await fixture.run(documents, options: Self.oneSlot).1, documents, code: "plugin.invalid-response")
        #expect(failures.allSatisfy { $0.message == message }, "\(failures.map(\.message))")
    }

    @Test func aWholeBatchErrorIsUnjudgedOnEveryDocument() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("unsure", check: #"cat >/dev/null; printf '%s' '{"error":{"message":"no policy in the request"}}'"#, protocols: "[2]")
        let documents = try fixture.documents(2)
        let failures = try failurePerDocument(await fixture.run(documents, options: Self.oneSlot).1, documents, code: "plugin.could-not-judge")
        #expect(failures.allSatisfy { $0.message.contains("could not judge this batch of 2 documents: no policy in the request") })
    }

    @Test func killsAHangingBatchAtItsScaledTimeoutOnEveryDocument() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("hang", check: #"cat >/dev/null; echo $$ > "$TACET_PLUGIN_DIR/pids"; sleep 1000 & echo $! >> "$TACET_PLUGIN_DIR/pids"; echo "thinking" >&2; wait"#,
                                        timeout: 1, protocols: "[2]")
        let documents = try fixture.documents(3)
        let failures = try failurePerDocument(await fixture.run(documents, options: Self.oneSlot).1, documents, code: "plugin.timeout")
        // One second per call, plus a tenth of it for each of the two further documents.
        #expect(failures.allSatisfy { $0.message.hasPrefix("plugin 'hang' timed out after 1.2 s") })
        #expect(failures.allSatisfy { $0.notes.map(\.message) == ["stderr: thinking"] })
        let pids = ProcessProbe.pids(in: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/pids"))))
        #expect(pids.count == 2)
        for pid in pids { #expect(ProcessProbe.waitGone(pid)) }
    }

    @Test(arguments: [("cat >/dev/null; echo 'about to fail' >&2; kill -SEGV $$", "plugin.crashed", "was killed by signal SIGSEGV (11)"),
                      ("cat >/dev/null; exit 4", "plugin.exit-status", "exited with status 4"),
                      ("cat >/dev/null; echo 'Hello, I am not JSON'", "plugin.malformed-output", "answered check with output that is not JSON"),
                      ("cat >/dev/null; head -c 1073741824 /dev/zero", "plugin.output-too-large", "wrote more than 17825792 bytes to stdout")])
    func reportsAFailedBatchCallOnEveryDocument(script: String, code: String, phrase: String) async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("faulty", check: #"echo $$ > "$TACET_PLUGIN_DIR/pids"; "# + script, timeout: 60, protocols: "[2]")
        let documents = try fixture.documents(2)
        let failures = try failurePerDocument(await fixture.run(documents, options: Self.oneSlot).1, documents, code: code)
        #expect(failures.allSatisfy { $0.message.hasPrefix("plugin 'faulty' " + phrase) }, "\(failures.map(\.message))")
        for pid in ProcessProbe.pids(in: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/pids")))) {
            #expect(ProcessProbe.waitGone(pid))
        }
    }

    @Test func reportsABatchItsPluginDidNotReadOnEveryDocument() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("deaf", check: #"printf '%s' '{"results":[{"document":0,"findings":[]},{"document":1,"findings":[]}]}'"#, protocols: "[2]")
        // Two documents well past the pipe buffer together, so the plugin cannot have taken them in by accident.
        let long = String(repeating: "Plan the group session carefully. ", count: 30_000)
        var documents = try fixture.documents(1)
        documents.append(try fixture.document(PluginFixture.workflow.replacingOccurrences(of: "Plan the group session.", with: long)))
        let failures = try failurePerDocument(await fixture.run(documents, options: Self.oneSlot).1, documents, code: "plugin.request-unread")
        #expect(failures.allSatisfy { $0.message.contains("exited after reading") })
    }

    @Test func returnsWhenAGrandchildOfABatchHoldsThePipes() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("forks", check: #"cat >/dev/null; sleep 1000 & echo $! > "$TACET_PLUGIN_DIR/pids"; printf '%s' '{"results":[{"document":0,"findings":[]},{"document":1,"findings":[]}]}'"#,
                                        timeout: 30, protocols: "[2]")
        let (_, report) = await fixture.run(try fixture.documents(2), options: Self.oneSlot)
        #expect(report.failures.isEmpty)
        #expect(report.calls == 1)
        let pids = ProcessProbe.pids(in: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/pids"))))
        #expect(pids.count == 1)
        for pid in pids { #expect(ProcessProbe.waitGone(pid)) }
    }

    @Test func aPointerIntoAnotherDocumentOfTheBatchNamesNothing() async throws {
        let fixture = PluginFixture()
        // A pointer into the request rather than into the document's own content cannot escape to another file.
        try fixture.plugin("batch", check: #"cat >/dev/null; printf '%s' '{"results":[{"document":0,"findings":[{"rule":"batch/finding","severity":"error","message":"Over there.","pointer":"/documents/1/content/steps/0"}]},{"document":1,"findings":[]}]}'"#,
                           protocols: "[2]")
        let documents = try fixture.documents(2)
        let (_, report) = await fixture.run(documents, options: Self.oneSlot)
        #expect(report.findings.isEmpty)
        #expect(report.failures.map(\.code) == ["plugin.bad-pointer"])
        #expect(report.failures.first?.location?.file == documents[0].file)
    }

    @Test func refusesABatchingPluginWhoseCommandEscapesItsFolderOrThatSharesNoVersion() async throws {
        let fixture = PluginFixture()
        try fixture.directory.write("outside.sh", "#!/bin/sh\necho '{}'\n")
        chmod(fixture.directory.path + "/outside.sh", 0o755)
        try fixture.plugin("dotdot", check: "cat >/dev/null", command: "../../outside.sh", protocols: "[2]")
        try fixture.plugin("future", check: "cat >/dev/null", describe: PluginFixture.describe("future", protocols: "[7]"), protocols: "[2]")
        let (catalog, report) = await fixture.run(try fixture.documents(2), options: Self.oneSlot)
        #expect(catalog.problems.map(\.code) == ["plugin.command-escapes"])
        #expect(report.failures.map(\.message) == ["plugin 'future' speaks protocol 7; this Tacet speaks 1, 2 (describe)"])
        #expect(report.calls == 0)
    }

    @Test func keepsSecretsOutOfABatchingPluginsEnvironment() async throws {
        let fixture = PluginFixture()
        let folder = try fixture.plugin("env", check: #"cat >/dev/null; env > "$TACET_PLUGIN_DIR/env.txt"; printf '%s' '{"results":[{"document":0,"findings":[]},{"document":1,"findings":[]}]}'"#,
                                        protocols: "[2]")
        var environment = ProcessInfo.processInfo.environment
        environment["TACET_TEST_API_TOKEN"] = "s3cret"
        let (_, report) = await fixture.run(try fixture.documents(2), options: PluginRunOptions(jobs: 1, hostEnvironment: environment))
        #expect(report.failures.isEmpty)
        #expect(report.calls == 1)
        let seen = try String(contentsOfFile: folder + "/env.txt", encoding: .utf8)
        #expect(!seen.contains("s3cret"))
        #expect(seen.contains("TACET_PROTOCOL_VERSIONS=1,2"))
        let names = Set(seen.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) })
        let allowed = Set(PluginEnvironment.passedThrough + ["TACET_PLUGIN_DIR", "TACET_PLUGIN_NAME", "TACET_PROTOCOL_VERSIONS"])
        #expect(names.subtracting(allowed).subtracting(["PWD", "SHLVL", "_", "OLDPWD"]).isEmpty, "\(names)")
    }
}
