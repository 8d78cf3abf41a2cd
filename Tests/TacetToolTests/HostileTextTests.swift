import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TacetTestSupport

/// End-to-end, through the built binary: text a plugin writes (message, hint, citations, rule summary,
/// stderr) and text a workflow's YAML holds are shown, never obeyed. Each hostile run is compared with
/// the same run whose text is harmless: the same number of lines, no raw control byte, and the forged
/// `fake.yaml:1:1: error:` line never starts a line.
@Suite("Hostile text from plugins and YAML", .serialized)
struct HostileTextTests {
    static let forged = "fake.yaml:1:1: error: forged [requirement.fake]"
    /// A JSON string's content: ESC [2J (clear screen), BEL, CR, LF, the forged line, then bidi
    /// overrides and isolates, NEL and CSI (C1) and DEL.
    static let hostileJSON = #"bad \u001b[2J\u0007\r\n"# + forged + #"\u202e\u2066\u0085\u009b31m\u007f end"#
    /// The same words with nothing a terminal acts on.
    static let harmlessJSON = "bad [2J " + forged + " end"
    /// Bytes that must never reach the output raw.
    static let rawScalars: Set<UInt32> = [0x1B, 0x07, 0x0D, 0x7F, 0x85, 0x9B, 0x202E, 0x2066]

    /// Writes two plugins into `directory`/Plugins: `hostile`, whose rule summary and finding (message,
    /// hint, citations) hold `text`, and `hostile-crash`, which writes `stderr` (printf format) to
    /// standard error and exits 3 on check.
    static func writePlugins(text: String, stderr: String, in directory: borrowing TemporaryDirectory) throws {
        try PluginCommandTests.writePlugin("hostile", script: """
            #!/bin/sh
            cat >/dev/null
            case "$1" in
            describe) printf '%s' '{"name":"hostile","version":"0.1.0","protocols":[1],"kinds":["Workflow"],"rules":[{"id":"hostile/finding","severity":"warning","summary":"\(text)"}]}' ;;
            check) printf '%s' '{"findings":[{"rule":"hostile/finding","severity":"warning","message":"\(text)","pointer":"/steps/0","hint":"\(text)","citations":["\(text)"]}]}' ;;
            esac
            """, in: directory)
        try PluginCommandTests.writePlugin("hostile-crash", script: """
            #!/bin/sh
            cat >/dev/null
            case "$1" in
            describe) printf '%s' '{"name":"hostile-crash","version":"0.1.0","protocols":[1],"kinds":["Workflow"],"rules":[]}' ;;
            check) printf '\(stderr)' >&2; exit 3 ;;
            esac
            """, in: directory)
    }

    /// Runs `tacet check` of a small workflow with the plugins in `directory`, in `format`.
    static func check(_ format: String, in directory: borrowing TemporaryDirectory) throws -> TacetBinary.Result {
        let paths = try PluginCommandTests.smallCheck(in: directory)
        return try TacetBinary.run(["check"] + paths + ["--plugins", directory.path + "/Plugins", "--format", format], in: directory.path)
    }

    /// Everything the run wrote, checked for raw bytes and forged lines; its line count.
    static func expectShownNotObeyed(_ result: TacetBinary.Result, _ label: String) -> Int {
        let all = result.stdout + result.stderr
        let raw = all.unicodeScalars.filter { rawScalars.contains($0.value) }.map { String($0.value, radix: 16) }
        #expect(raw.isEmpty, "\(label): raw \(raw)")
        let lines = all.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("fake.yaml") }, "\(label): a forged line")
        return lines.count
    }

    @Test("a plugin's message, hint, citations and stderr add no line and no raw control in text, github and markdown")
    func pluginText() throws {
        let hostile = try TemporaryDirectory()
        try Self.writePlugins(text: Self.hostileJSON, stderr: #"oops \033[2J\007\r\n"# + Self.forged + #"\342\200\256\n"#, in: hostile)
        let harmless = try TemporaryDirectory()
        try Self.writePlugins(text: Self.harmlessJSON, stderr: #"oops [2J\n"# + Self.forged + #"\n"#, in: harmless)
        for format in ["text", "github", "markdown"] {
            let bad = try Self.check(format, in: hostile)
            let good = try Self.check(format, in: harmless)
            #expect(bad.status == 1 && good.status == 1, "\(format): \(bad.stdout) \(bad.stderr)")
            let badLines = Self.expectShownNotObeyed(bad, format)
            #expect(badLines == Self.expectShownNotObeyed(good, format + " (harmless)"), "\(format):\n\(bad.stdout)\n---\n\(good.stdout)")
            // The text is still there to read, escaped.
            #expect(bad.stdout.contains(#"\u{1B}[2J\u{7}\r\n"#) || bad.stdout.contains(#"\\u{1B}\[2J\\u{7}\\r\\n"#), "\(format): \(bad.stdout)")
            if format == "markdown" {
                // Every row of the findings table keeps its four cells: no pipe of the plugin's splits one.
                for row in bad.stdout.split(separator: "\n") where row.hasPrefix("| ") && !row.hasPrefix("| Severity") {
                    #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5, "\(row)")
                }
            }
        }
        let text = try Self.check("text", in: hostile)
        #expect(text.stdout.contains(#"warning: bad \u{1B}[2J\u{7}\r\nfake.yaml:1:1: error: forged [requirement.fake]\u{202E}\u{2066}\u{85}\u{9B}31m\u{7F} end [hostile/finding]"#))
        // Its CRLF ends a line, as LF does; the CR is not shown.
        #expect(text.stdout.contains(#"  note: stderr: oops \u{1B}[2J\u{7}"# + "\n"))
        #expect(text.stdout.contains(#"  note: stderr: fake.yaml:1:1: error: forged [requirement.fake]\u{202E}"# + "\n"))
    }

    @Test("plugin list and plugin test show a plugin's rule summary and findings escaped, on as many lines as harmless ones")
    func pluginCommands() throws {
        let hostile = try TemporaryDirectory()
        try Self.writePlugins(text: Self.hostileJSON, stderr: "", in: hostile)
        let harmless = try TemporaryDirectory()
        try Self.writePlugins(text: Self.harmlessJSON, stderr: "", in: harmless)
        let workflow = "apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: w}\nsteps:\n  - {id: s, task: session-planning, ai: human-only, performer: t-ana}\n"
        try hostile.write("w.yaml", workflow)
        try harmless.write("w.yaml", workflow)
        for arguments in [["plugin", "list"], ["plugin", "test", "hostile", "w.yaml"]] {
            let bad = try TacetBinary.run(arguments, in: hostile.path)
            let good = try TacetBinary.run(arguments, in: harmless.path)
            #expect(bad.status == good.status, "\(arguments): \(bad.stdout) \(bad.stderr)")
            #expect(Self.expectShownNotObeyed(bad, "\(arguments)") == Self.expectShownNotObeyed(good, "\(arguments) (harmless)"),
                    "\(arguments):\n\(bad.stdout)\n---\n\(good.stdout)")
        }
        let list = try TacetBinary.run(["plugin", "list"], in: hostile.path)
        #expect(list.stdout.contains(#"    hostile/finding (warning): bad \u{1B}[2J\u{7}\r\nfake.yaml:1:1: error: forged [requirement.fake]\u{202E}"#))
    }

    @Test("JSON, SARIF and JUnit of a hostile plugin's findings still parse, and JSON keeps the text as it was")
    func structuredFormats() throws {
        let hostile = try TemporaryDirectory()
        try Self.writePlugins(text: Self.hostileJSON, stderr: #"oops \033[2J\007\r\n\001\002"#, in: hostile)
        let message = "bad \u{1B}[2J\u{7}\r\n" + Self.forged + "\u{202E}\u{2066}\u{85}\u{9B}31m\u{7F} end"

        let json = try Self.check("json", in: hostile)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let finding = try #require(findings.first { $0["rule"] as? String == "hostile/finding" })
        #expect(finding["message"] as? String == message)
        #expect(finding["hint"] as? String == message)
        #expect(!json.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })

        let sarif = try Self.check("sarif", in: hostile)
        #expect(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) is [String: Any])
        #expect(!sarif.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })

        let junit = try Self.check("junit", in: hostile)
        // XML 1.0 allows no C0 control but tab, LF and CR: one would make the whole file unreadable.
        #expect(!junit.stdout.unicodeScalars.contains { $0.value < 0x20 && !["\t", "\n", "\r"].contains($0) })
        let parser = XMLParser(data: Data(junit.stdout.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? ""): \(junit.stdout)")
        #expect(junit.stdout.contains(#"bad \u{1B}[2J\u{7}"#))
    }

    /// A workflow whose description holds raw bidi controls and whose performer (quoted in the finding
    /// "performer '…' is not in the roster") holds, by YAML escapes, ESC [2J, BEL, CR, LF and the forged line.
    static func writeWorkflow(hostile: Bool, in directory: borrowing TemporaryDirectory) throws -> [String] {
        let description = hostile ? "x\u{202E}y\u{2066}" : "xy"
        let performer = hostile ? #"t-\e[2J\a\r\n"# + forged + #"\u202E"# : "t-[2J " + forged
        let paths = try PluginCommandTests.smallCheck(in: directory)
        let workflow = try directory.write("w.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: w}
            steps:
              - {id: s, task: session-planning, ai: human-only, description: "\(description)", performer: "\(performer)"}
            """)
        return [paths[0], paths[1], workflow]
    }

    @Test("a YAML value quoted in a finding and the source line shown under it are escaped, and the caret still points at the value")
    func yamlText() throws {
        let hostile = try TemporaryDirectory()
        let badPaths = try Self.writeWorkflow(hostile: true, in: hostile)
        let harmless = try TemporaryDirectory()
        let goodPaths = try Self.writeWorkflow(hostile: false, in: harmless)
        for format in ["text", "github", "markdown"] {
            let bad = try TacetBinary.run(["check"] + badPaths + ["--no-plugins", "--format", format], in: hostile.path)
            let good = try TacetBinary.run(["check"] + goodPaths + ["--no-plugins", "--format", format], in: harmless.path)
            #expect(bad.status == 1 && good.status == 1, "\(format): \(bad.stdout) \(bad.stderr)")
            #expect(Self.expectShownNotObeyed(bad, format) == Self.expectShownNotObeyed(good, format + " (harmless)"),
                    "\(format):\n\(bad.stdout)\n---\n\(good.stdout)")
        }
        let text = try TacetBinary.run(["check"] + badPaths + ["--no-plugins"], in: hostile.path)
        #expect(text.stdout.contains(#"error: performer 't-\u{1B}[2J\u{7}\r\nfake.yaml:1:1: error: forged [requirement.fake]\u{202E}' is not in the roster"#),
                "\(text.stdout)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let source = try #require(lines.firstIndex { $0.hasPrefix(" 5 | ") })
        #expect(lines[source].contains(#"description: "x\u{202E}y\u{2066}", performer: "t-\e[2J"#))
        let caret = try #require(lines[source + 1].firstIndex(of: "^"))
        let column = lines[source + 1].distance(from: lines[source + 1].startIndex, to: caret)
        let value = try #require(lines[source].range(of: #""t-\e"#))
        #expect(column == lines[source].distance(from: lines[source].startIndex, to: value.lowerBound))

        let json = try TacetBinary.run(["check"] + badPaths + ["--no-plugins", "--format", "json"], in: hostile.path)
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        let junit = try TacetBinary.run(["check"] + badPaths + ["--no-plugins", "--format", "junit"], in: hostile.path)
        #expect(XMLParser(data: Data(junit.stdout.utf8)).parse(), "\(junit.stdout)")
    }

    @Test("explain quotes a step's hostile YAML escaped, on as many lines as a harmless one")
    func explainText() throws {
        var counts: [Int] = []
        for hostile in [true, false] {
            let directory = try TemporaryDirectory()
            let paths = try Self.writeWorkflow(hostile: hostile, in: directory)
            let result = try TacetBinary.run(["explain", paths[2], paths[0], paths[1], "--step", "s"], in: directory.path)
            #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
            counts.append(Self.expectShownNotObeyed(result, hostile ? "explain" : "explain (harmless)"))
            if hostile { #expect(result.stdout.contains(#"performer 't-\u{1B}[2J\u{7}\r\nfake.yaml:1:1"#), "\(result.stdout)") }
        }
        #expect(counts[0] == counts[1])
    }

    @Test("tacet test shows an expected message and an unexpected finding quoting YAML escaped, one line each")
    func policyTestText() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: Repository.path("Policies/tests/inputs/roster"), toPath: directory.path + "/roster")
        try FileManager.default.copyItem(atPath: Repository.path("Policies/music-therapy-ai-use.yaml"), toPath: directory.path + "/policy.yaml")
        try directory.write("w.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: w}
            steps:
              - {id: s, task: session-planning, ai: human-only, performer: "t-\\e[2J\\a\\r\\n\(Self.forged)"}
            """)
        try directory.write("t.yaml", """
            apiVersion: tacet/v1
            kind: PolicyTest
            metadata: {name: hostile}
            policy: music-therapy-ai-use
            cases:
              - name: forged
                inputs: [roster, w.yaml]
                expect:
                  - {rule: requirement.known-task, message: "\\e[2J\\r\\n\(Self.forged)"}
            """)
        let result = try TacetBinary.run(["test", "."], in: directory.path)
        #expect(result.status == 1)
        _ = Self.expectShownNotObeyed(result, "test")
        #expect(result.stdout.contains(#"  - expected requirement.known-task saying "\u{1B}[2J\r\n"# + Self.forged + "\"\n"), "\(result.stdout)")
        #expect(result.stdout.contains(#": performer 't-\u{1B}[2J\u{7}\r\n"# + Self.forged + "' is not in the roster\n"), "\(result.stdout)")
    }

    @Test("a raw control byte in a YAML file is shown escaped in the syntax error's source line")
    func rawControlInSource() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("w.yaml", "apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: \"a\u{1B}[2J\u{7}b\"}\nsteps: []\n")
        let result = try TacetBinary.run(["validate", file], in: directory.path)
        #expect(result.status == 2)
        _ = Self.expectShownNotObeyed(result, "validate")
        #expect(result.stderr.contains(#" 3 | metadata: {name: "a\u{1B}[2J\u{7}b"}"#), "\(result.stderr)")
    }
}
