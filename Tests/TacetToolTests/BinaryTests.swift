import Foundation
import Testing
import TacetTestSupport

/// End-to-end: the built `tacet` binary, run as a user runs it.
@Suite("tacet binary", .serialized)
struct BinaryTests {
    @Test("--version prints the version; --help names every command of the design")
    func versionAndHelp() throws {
        let version = try TacetBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try TacetBinary.run(["--help"])
        #expect(help.status == 0)
        for command in ["check", "validate", "lint", "explain", "test", "plan", "report", "convert", "framework", "plugin"] {
            #expect(help.stdout.contains("\n  \(command) "), "help does not list \(command)")
        }
    }

    @Test("report without --output is a usage error: exit 2 and the missing option named")
    func reportNeedsOutput() throws {
        let result = try TacetBinary.run(["report", "Examples/"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--output"))
    }

    @Test("validate exits 0 on valid documents and 2 on invalid ones, with source excerpts")
    func validate() throws {
        let directory = try TemporaryDirectory()
        let good = try directory.write("good.yaml", "apiVersion: tacet/v1\nkind: Plugin\nmetadata: {name: p, version: 1.0.0}\ncommand: [./p]\nprotocols: [1]\nkinds: [Workflow]\n")
        let bad = try directory.write("bad.yaml", "apiVersion: tacet/v1\nkind: Plugin\nmetadata: {name: p2, version: 1.0.0}\ncommand: [./p]\nprotocols: [1]\nkinds: [Workflow]\ntimout: 3\n")
        let ok = try TacetBinary.run(["validate", good])
        #expect(ok.status == 0)
        #expect(ok.stderr.contains("1 valid document, no errors"))
        let failing = try TacetBinary.run(["validate", good, bad])
        #expect(failing.status == 2)
        #expect(failing.stderr.contains("\(bad):7:1: error: unknown key 'timout' in the document [document.unknown-key]"))
        #expect(failing.stderr.contains(" 7 | timout: 3\n   | ^\n"))
        #expect(failing.stderr.contains("hint: did you mean 'timeout'?"))
        let missing = try TacetBinary.run(["validate", directory.path + "/absent.yaml"])
        #expect(missing.status == 2)
    }

    @Test("convert prints JSON, and exits 2 with a position on invalid YAML")
    func convert() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("any.yaml", "b: [1, no, ~]\na: {x: 1.5}\n")
        let result = try TacetBinary.run(["convert", "--compact", file])
        #expect(result.status == 0)
        #expect(result.stdout == "{\"b\":[1,\"no\",null],\"a\":{\"x\":1.5}}\n")
        let broken = try directory.write("broken.yaml", "a: [1\n")
        let failing = try TacetBinary.run(["convert", broken])
        #expect(failing.status == 2)
        #expect(failing.stdout.isEmpty)
        #expect(failing.stderr.hasPrefix("\(broken):1:4: error: the list that opens with '[' here is never closed"))
    }

    @Test("framework import writes the framework, atomically, and never over its input")
    func frameworkImport() throws {
        let directory = try TemporaryDirectory()
        let export = try #require(Bundle.module.url(forResource: "Fixtures/music-therapists-export", withExtension: "json"))
        let input = directory.path + "/export.json"
        try FileManager.default.copyItem(atPath: export.path, toPath: input)
        let output = directory.path + "/framework.yaml"
        let result = try TacetBinary.run(["framework", "import", input, "--output", output])
        #expect(result.status == 0)
        let validated = try TacetBinary.run(["validate", output])
        #expect(validated.status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let overwrite = try TacetBinary.run(["framework", "import", input, "-o", input])
        #expect(overwrite.status == 2)
        #expect(overwrite.stderr.contains("refusing to write the output over an input file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        let stdout = try TacetBinary.run(["framework", "import", input])
        #expect(stdout.stdout.contains("kind: Framework\n"))
    }

    @Test("shell completions are generated from the command definitions", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let result = try TacetBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for word in ["validate", "report", "link-base", "sarif", "markdown"] {
            #expect(result.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }

    @Test("the committed man page documents every command and option the binary has")
    func manPageInSync() throws {
        let page = try String(contentsOfFile: Repository.path("docs/man/tacet.1"), encoding: .utf8)
        let dump = try TacetBinary.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var stale: [String] = []
        func visit(_ command: [String: Any]) {
            if let abstract = command["abstract"] as? String, !abstract.isEmpty, !page.contains(abstract) { stale.append(abstract) }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    // mdoc writes a long option as `Fl -name`, after its short form as `Fl o , -name`.
                    if let long = name["name"] as? String, !page.contains("Fl -\(long)"), !page.contains(", -\(long)") {
                        stale.append("--\(long)")
                    }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["commandName"] as? String != "help" { visit(sub) }
        }
        visit(try #require(root["command"] as? [String: Any]))
        #expect(stale.isEmpty, "docs/man/tacet.1 is out of date (regenerate it as the README says): \(stale)")
    }
}

@Suite("tacet usage errors")
struct UsageTests {
    @Test("a usage error exits 2 with the usage text", arguments: [["check", "--format", "yaml"], ["check", "--fail-on", "fatal", "x"], ["frobnicate"]])
    func usage(arguments: [String]) throws {
        let result = try TacetBinary.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"))
    }
}
