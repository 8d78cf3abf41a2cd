import Foundation
import TacetDiagnostics
import TacetPluginProtocol
import TacetReports
import TacetYAML
import TacetSchemas
import TacetTestSupport
import Testing

@Suite struct SARIFTests {
    static let schemaPath = Repository.path("../shared/schemas/sarif-schema-2.1.0.json")

    /// Validates against the OASIS schema where `../shared` is present; always checks the structure
    /// SARIF consumers need, so a machine without the schema still tests something real.
    static func validate(_ log: JSONValue) throws {
        if let schema = try? String(contentsOfFile: schemaPath, encoding: .utf8) {
            let validator = try SchemaValidator(schema: schema)
            #expect(validator.unsupportedKeywords().isEmpty, "the validator must understand every keyword of the SARIF schema")
            #expect(validator.validate(log) == [])
        } else {
            print("SARIFTests: \(schemaPath) not found; checking the required structure only")
        }
        #expect(log["version"] == "2.1.0")
        let runs = try #require(log["runs"]?.arrayValue)
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["tool"]?["driver"]?["name"] == "tacet")
        for result in run["results"]?.arrayValue ?? [] {
            #expect(result["message"]?["text"]?.stringValue?.isEmpty == false)
            #expect(result["ruleId"]?.stringValue != nil)
        }
    }

    @Test func sampleTeamValidatesAndIndexesEveryRule() throws {
        let input = ReportFixture.sampleTeam()
        let log = try ReportFixture.json(SARIFRenderer.render(input))
        try Self.validate(log)
        let run = try #require(log["runs"]?[0])
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == input.report.findings.count + input.report.suppressed.count)
        for result in results {
            if let index = result["ruleIndex"]?.numberValue {
                #expect(rules[Int(index)]["id"] == result["ruleId"], "ruleIndex points at the result's rule")
            } else {
                // A plugin's rule: found through the tool extension the result names.
                let component = try #require(result["rule"]?["toolComponent"]?["index"]?.numberValue)
                let index = try #require(result["rule"]?["index"]?.numberValue)
                let extensionRules = try #require(run["tool"]?["extensions"]?[Int(component)]?["rules"])
                #expect(extensionRules[Int(index)]?["id"] == result["ruleId"])
            }
            let location = try #require(result["locations"]?[0]?["physicalLocation"])
            let uri = try #require(location["artifactLocation"]?["uri"]?.stringValue)
            #expect(uri.hasPrefix("Examples/"), "artifact URIs are relative to the working directory: \(uri)")
            #expect(location["artifactLocation"]?["uriBaseId"] == "SRCROOT")
            #expect((location["region"]?["startLine"]?.numberValue ?? 0) >= 1)
            #expect(result["partialFingerprints"]?["tacetFinding/v1"]?.stringValue?.count == 32)
        }
        // The policy's rules are described with their fix and sources.
        let rule = try #require(rules.first { $0["id"] == "emerging-needs-supervisor-review" })
        #expect(rule["help"]?["text"]?.stringValue?.contains("Sources:") == true)
        #expect(rule["defaultConfiguration"]?["level"] == "error")
        #expect(rules.contains { $0["id"] == "requirement.consent" })
        // The plugin's rule sits under its name, not the driver's.
        #expect(run["tool"]?["extensions"]?[0]?["name"] == "phi-scan")
        #expect(!rules.contains { $0["id"] == "phi-scan/record-number" })
        // The suppressed finding is a result with an accepted suppression, never dropped.
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 1)
        #expect(suppressed.first?["suppressions"]?[0]?["status"] == "accepted")
        #expect(run["invocations"]?[0]?["executionSuccessful"] == .bool(true))
    }

    /// Every string a viewer shows, with the decoded scalars a viewer would obey (C0 but the renderer's own
    /// line breaks, DEL, C1, bidi controls, line separators) listed.
    static func obeyed(_ value: JSONValue, key: String = "", into found: inout [String]) {
        switch value {
        case .string(let text):
            // "text" and "markdown" may hold the renderer's own line breaks; no other string holds one.
            let ownBreaks = key == "text" || key == "markdown"
            for scalar in text.unicodeScalars where DisplayText.escape(scalar) != nil && !(ownBreaks && scalar == "\n") {
                found.append("\(key): U+\(String(scalar.value, radix: 16, uppercase: true))")
            }
        case .array(let values): values.forEach { obeyed($0, key: key, into: &found) }
        case .object(let members): members.forEach { obeyed($1, key: $0, into: &found) }
        default: break
        }
    }

    @Test func aPluginsTextIsShownNotObeyed() throws {
        var input = ReportFixture.cleanTeam()
        let hostile = "a\u{1B}[2J\u{7}\r\nfake.yaml:1:1: error: forged\u{202E}\u{2066}\u{85}\u{7F}"
        input.plugins = [PluginRules(name: "evil", version: "1\u{202E}", rules: [
            RuleDescriptor(id: "evil/x", summary: "s " + hostile, detail: "d " + hostile, hint: "h [link](https://x.example) " + hostile,
                           severity: .error, citations: [hostile]),
        ])]
        input.report.findings = [
            Diagnostic(rule: "evil/x", severity: .error, message: "m " + hostile, origin: .plugin("evil"),
                       location: SourceLocation(file: "w.yaml", line: 1, column: 1), pointer: "/steps/0\u{202E}",
                       hint: "h " + hostile, notes: [DiagnosticNote("n " + hostile, at: SourceLocation(file: "w.yaml", line: 2, column: 1))],
                       citations: [hostile]),
        ]
        let text = SARIFRenderer.render(input)
        let log = try ReportFixture.json(text)
        try Self.validate(log)
        var found: [String] = []
        Self.obeyed(log["runs"]?[0]?["results"] ?? .null, into: &found)
        Self.obeyed(log["runs"]?[0]?["tool"]?["extensions"]?[0]?["name"] ?? .null, into: &found)
        Self.obeyed(log["runs"]?[0]?["tool"]?["extensions"]?[0]?["version"] ?? .null, key: "version", into: &found)
        let rule = try #require(log["runs"]?[0]?["tool"]?["extensions"]?[0]?["rules"]?[0])
        for key in ["shortDescription", "fullDescription", "help"] { Self.obeyed(rule[key] ?? .null, into: &found) }
        Self.obeyed(rule["properties"] ?? .null, into: &found)
        #expect(found == [])
        let result = try #require(log["runs"]?[0]?["results"]?[0])
        // The message keeps one line break, the renderer's, before the fix; the plugin's are shown as `\r\n`.
        #expect(result["message"]?["text"] == .string(#"m a\u{1B}[2J\u{7}\r\nfake.yaml:1:1: error: forged\u{202E}\u{2066}\u{85}\u{7F}"#
                                                        + "\n" + #"Fix: h a\u{1B}[2J\u{7}\r\nfake.yaml:1:1: error: forged\u{202E}\u{2066}\u{85}\u{7F}"#))
        #expect(result["relatedLocations"]?[0]?["message"]?["text"]?.stringValue?.hasPrefix(#"n a\u{1B}"#) == true)
        // The help's Markdown is the Markdown format's inline text: the plugin's link is not a link.
        let markdown = try #require(rule["help"]?["markdown"]?.stringValue)
        #expect(markdown.hasPrefix(#"**Fix:** h \[link\](https://x.example) a\\u{1B}\[2J"#), "\(markdown)")
        // JSON escaping alone would have let these through raw.
        for raw in ["\u{202E}", "\u{2066}", "\u{85}", "\u{7F}"] { #expect(!text.contains(raw)) }
    }

    @Test func noFindingsIsAValidEmptyRun() throws {
        let input = ReportFixture.cleanTeam()
        #expect(input.report.findings.isEmpty && input.report.problems.isEmpty)
        let log = try ReportFixture.json(SARIFRenderer.render(input))
        try Self.validate(log)
        #expect(log["runs"]?[0]?["results"] == .array([]))
        #expect((log["runs"]?[0]?["tool"]?["driver"]?["rules"]?.arrayValue?.count ?? 0) > 0, "rules are listed even when none fired")
    }

    @Test func fingerprintsAreStableAcrossRunsAndLineShifts() throws {
        let first = try ReportFixture.json(SARIFRenderer.render(ReportFixture.sampleTeam()))
        let second = try ReportFixture.json(SARIFRenderer.render(ReportFixture.sampleTeam()))
        #expect(Self.fingerprints(first) == Self.fingerprints(second))
        // The same findings three lines further down keep their fingerprints.
        var shifted = ReportFixture.sampleTeam()
        shifted.report.findings = shifted.report.findings.map { finding in
            var moved = finding
            moved.location?.line += 3
            return moved
        }
        let third = try ReportFixture.json(SARIFRenderer.render(shifted))
        #expect(Self.fingerprints(first) == Self.fingerprints(third))
        let all = Self.fingerprints(first)
        #expect(Set(all).count == all.count, "no two findings share a fingerprint")
    }

    @Test func inputProblemsAreNotificationsAndTheRunIsUnsuccessful() throws {
        var input = ReportFixture.cleanTeam()
        input.report.problems = [.error(YAMLErrorCode.syntax, "mapping values are not allowed here",
                                        at: SourceLocation(file: Repository.path("Examples/a b#c.yaml"), line: 3, column: 7))]
        let log = try ReportFixture.json(SARIFRenderer.render(input))
        try Self.validate(log)
        let invocation = try #require(log["runs"]?[0]?["invocations"]?[0])
        #expect(invocation["executionSuccessful"] == .bool(false))
        let notification = try #require(invocation["toolExecutionNotifications"]?[0])
        #expect(notification["descriptor"]?["id"] == "yaml.syntax")
        #expect(notification["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"] == "Examples/a%20b%23c.yaml")
    }

    @Test func theValidatorRejectsBrokenSARIF() throws {
        guard let schema = try? String(contentsOfFile: Self.schemaPath, encoding: .utf8) else {
            print("SARIFTests: \(Self.schemaPath) not found; the negative schema test needs it")
            return
        }
        let validator = try SchemaValidator(schema: schema)
        var log = try ReportFixture.json(SARIFRenderer.render(ReportFixture.sampleTeam()))
        guard case .object(var top) = log else { throw CancellationError() }
        top["version"] = "2.0.0"
        log = .object(top)
        #expect(!validator.validate(log).isEmpty)
    }

    static func fingerprints(_ log: JSONValue) -> [String] {
        (log["runs"]?[0]?["results"]?.arrayValue ?? []).compactMap { $0["partialFingerprints"]?["tacetFinding/v1"]?.stringValue }
    }
}
