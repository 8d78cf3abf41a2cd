import Foundation
import Testing
import TacetDocuments
import TacetTestSupport

/// End-to-end: the shipped plugins through the built binary, the plugin commands, and the flags.
@Suite("Plugin commands", .serialized)
struct PluginCommandTests {
    static let repository = PolicyCommandTests.repository

    static func tacet(_ arguments: String...) throws -> TacetBinary.Result {
        try TacetBinary.run(arguments, in: repository)
    }

    @Test("check --format json tags plugin findings with the plugin and the right place")
    func jsonFindings() throws {
        let result = try Self.tacet("check", "Policies", "Curricula", "Examples", "--plugins", "Plugins", "--format", "json",
                                    "--today", "2026-11-21")
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let phi = try #require(findings.first { $0["rule"] as? String == "phi-scan/record-number" })
        #expect(phi["plugin"] as? String == "phi-scan")
        #expect(phi["file"] as? String == "Examples/pediatrics/workflows/inpatient-documentation.yaml")
        #expect(phi["line"] as? Int == 62)
        #expect(phi["column"] as? Int == 18)
        #expect(phi["pointer"] as? String == "/steps/4/description")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["plugins"] as? Int == 2)
        #expect(findings.allSatisfy { ($0["rule"] as? String)?.hasPrefix("plugin.") == false })
    }

    @Test("--no-plugins runs none")
    func noPlugins() throws {
        let result = try Self.tacet("check", "Policies", "Curricula", "Examples", "--no-plugins", "--today", "2026-11-21")
        #expect(result.status == 1)
        #expect(!result.stdout.contains("phi-scan"))
        #expect(!result.stdout.contains("plugins ran"))
    }

    /// Writes plugin `name` into `directory`/Plugins: its manifest (with `command: [./NAME.sh]` at
    /// line 4, column 10) and the shell script `script`.
    static func writePlugin(_ name: String, script: String, timeout: Int = 10, in directory: borrowing TemporaryDirectory) throws {
        try directory.write("Plugins/\(name)/plugin.yaml", """
            apiVersion: tacet/v1
            kind: Plugin
            metadata: {name: \(name), version: 0.1.0}
            command: [./\(name).sh]
            protocols: [1]
            kinds: [Workflow]
            timeout: \(timeout)
            """)
        chmod(try directory.write("Plugins/\(name)/\(name).sh", script), 0o755)
    }

    /// The paths of a check of one small workflow (written into `directory`) with the shipped policy
    /// and therapists.
    static func smallCheck(in directory: borrowing TemporaryDirectory) throws -> [String] {
        let workflow = try directory.write("w.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: w}
            steps:
              - {id: s, task: session-planning, ai: human-only, performer: t-ana}
            """)
        return [repository + "/Policies/music-therapy-ai-use.yaml", repository + "/Examples/pediatrics/therapists", workflow]
    }

    @Test("a failing plugin fails the run, or warns with --plugin-failures warning")
    func failingPlugin() throws {
        let directory = try TemporaryDirectory()
        try Self.writePlugin("broken", script: "#!/bin/sh\ncat >/dev/null\necho 'it broke' >&2\nexit 3\n", in: directory)
        let paths = try Self.smallCheck(in: directory)
        let failing = try TacetBinary.run(["check"] + paths + ["--plugins", directory.path + "/Plugins"], in: directory.path)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("plugin 'broken' exited with status 3 (describe)"))
        #expect(failing.stdout.contains("Plugins/broken/plugin.yaml:4:10: error:"))
        #expect(failing.stdout.contains("stderr: it broke"))
        #expect(failing.stdout.contains("[plugin.exit-status]"))
        let warned = try TacetBinary.run(["check"] + paths + ["--plugins", directory.path + "/Plugins", "--plugin-failures", "warning"],
                                         in: directory.path)
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("warning: plugin 'broken' exited with status 3"))
    }

    @Test("a hanging plugin is stopped and tacet returns within its timeout + 3 s")
    func hangingPlugin() throws {
        let directory = try TemporaryDirectory()
        try Self.writePlugin("hang", script: """
            #!/bin/sh
            cat >/dev/null
            case "$1" in
            describe) printf '%s' '{"name":"hang","version":"0.1.0","protocols":[1],"kinds":["Workflow"],"rules":[]}' ;;
            check) sleep 1000 ;;
            esac
            """, timeout: 1, in: directory)
        let paths = try Self.smallCheck(in: directory)
        let started = Date()
        let result = try TacetBinary.run(["check"] + paths + ["--plugins", directory.path + "/Plugins"], in: directory.path)
        // The plugin's 1 s is the behaviour under test; the 3 s beside it are tacet's own start, check and stop of
        // the plugin, which a sanitizer's build does several times slower (`TestTime`).
        #expect(Date().timeIntervalSince(started) < 1 + TestTime.scaled(3))
        #expect(result.status == 1)
        #expect(result.stdout.contains("plugin 'hang' timed out after 1 s"))
        #expect(result.stdout.contains("[plugin.timeout]"))
    }

    @Test("plugin list shows both shipped plugins and their rules")
    func list() throws {
        let result = try Self.tacet("plugin", "list")
        #expect(result.status == 0)
        #expect(result.stdout.contains("consent-coverage 1.0.0"))
        #expect(result.stdout.contains("phi-scan/record-number (error)"))
        // The source tree's tacet.yaml names Plugins, which is also ./Plugins and the tree's shipped plugins
        // folder: searched once, under the first name it was reached by.
        #expect(result.stdout.hasSuffix("\n2 valid plugins in \(Self.realRepository)/Plugins (project file)\n"))
    }

    static var realRepository: String { FileIO.realPath(repository) ?? repository }

    @Test("a plugin in ./Plugins shadows the shipped one of the same name, and plugin list says so")
    func shadowing() throws {
        let directory = try TemporaryDirectory()
        try Self.writePlugin("phi-scan", script: """
            #!/bin/sh
            cat >/dev/null
            printf '%s' '{"name":"phi-scan","version":"0.1.0","protocols":[1],"kinds":["Workflow"],"rules":[]}'
            """, in: directory)
        let here = try #require(FileIO.realPath(directory.path))
        let result = try TacetBinary.run(["plugin", "list"], in: directory.path)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("phi-scan 0.1.0  \(here)/Plugins/phi-scan\n"))
        #expect(result.stdout.contains("consent-coverage 1.0.0  \(Self.realRepository)/Plugins/consent-coverage\n"))
        #expect(result.stdout.contains("""

            Shadowed (not run: a plugin of the same name comes earlier in the search path):
              phi-scan  \(Self.realRepository)/Plugins/phi-scan, by \(here)/Plugins/phi-scan

            2 valid plugins in \(here)/Plugins (./Plugins), \(Self.realRepository)/Plugins (shipped)

            """))
    }

    @Test("TACET_PLUGIN_PATH adds folders after ./Plugins; missing ones are skipped")
    func environmentPath() throws {
        let directory = try TemporaryDirectory()
        try Self.writePlugin("extra", script: """
            #!/bin/sh
            cat >/dev/null
            printf '%s' '{"name":"extra","version":"0.1.0","protocols":[1],"kinds":["Workflow"],"rules":[]}'
            """, in: directory)
        let here = try #require(FileIO.realPath(directory.path))
        var environment = ProcessInfo.processInfo.environment
        environment["TACET_PLUGIN_PATH"] = "/nonexistent/plugins:" + here + "/Plugins"
        // Outside the source tree, so that no tacet.yaml and no ./Plugins come first.
        let elsewhere = try directory.write("elsewhere/.keep", "")
        let result = try TacetBinary.run(["plugin", "list"], in: (elsewhere as NSString).deletingLastPathComponent,
                                         environment: environment)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("extra 0.1.0  \(here)/Plugins/extra\n"))
        #expect(result.stdout.hasSuffix("\n3 valid plugins in \(here)/Plugins (TACET_PLUGIN_PATH), \(Self.realRepository)/Plugins (shipped)\n"))
    }

    @Test("plugin test validates both shipped plugins' protocol 2 answers against the v2 schemas")
    func pluginTest() throws {
        for name in ["phi-scan", "consent-coverage"] {
            let result = try Self.tacet("plugin", "test", name, "Policies/music-therapy-ai-use.yaml", "Policies/teams",
                                        "Examples/pediatrics/workflows")
            #expect(result.status == 0, "\(name): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.contains("describe: valid"))
            #expect(result.stdout.contains("protocol 2 negotiated (the plugin speaks 1, 2; tacet speaks 1, 2)\n"))
            #expect(result.stdout.contains("check of 3 documents in one call: valid\n"), "\(result.stdout)")
            #expect(result.stdout.contains("plugin '\(name)' follows protocol 2"))
        }
        let unknown = try Self.tacet("plugin", "test", "phi-scna", "Examples")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'phi-scan'?"))
    }

    @Test("bad plugin flags are usage errors")
    func flags() throws {
        #expect(try Self.tacet("check", "Examples", "--jobs", "0").status == 2)
        #expect(try Self.tacet("check", "Examples", "--plugin-failures", "info").status == 2)
        #expect(try Self.tacet("check", "Examples", "--plugins", "Nowhere").status == 2)
    }

    @Test("the plugin flags' help offers only the values they take and states each default once")
    func flagHelp() throws {
        let help = try Self.tacet("check", "--help").stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        let failures = try #require(help.range(of: "--plugin-failures <error|warning>", options: .backwards))
        let failuresHelp = help[failures.upperBound...].prefix { $0 != "-" }
        #expect(failuresHelp.contains("(values: error, warning; default: error)"), "\(failuresHelp)")
        let jobs = try #require(help.range(of: "--jobs <jobs>", options: .backwards))
        let jobsHelp = help[jobs.upperBound...].prefix { $0 != "-" }
        #expect(jobsHelp.components(separatedBy: "default").count == 2, "\(jobsHelp)")
    }
}
