import Foundation
import Testing
import TacetTestSupport

/// The closing line is what people read (issue 20, item 1): in every command and format it counts
/// every problem shown above it, input problems included, and says what could not be checked.
/// Each test runs the built binary on exact files and compares the exact closing lines.
@Suite("Summaries that count what is shown", .serialized)
struct SummaryLineTests {
    static let base = """
        apiVersion: tacet/v1
        kind: Policy
        metadata: {name: base}
        citations:
          - {id: src, title: Source, source: test}
        tasks:
          - id: notes
            title: Notes
            area: documentation
            maxAI: ai-assisted
            cite: [src]

        """

    /// A team layer that raises the base's AI level: it loosens, so it does not resolve.
    static let looseningLayer = """
        apiVersion: tacet/v1
        kind: Policy
        metadata: {name: team}
        extends: [base]
        tasks:
          - id: notes
            title: Notes
            area: documentation
            maxAI: ai-drafted
            cite: [src]

        """

    static let therapist = """
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {name: t-ana}
        name: Ana Example
        role: music-therapist
        credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
        levels: {documentation: developing}

        """

    static func workflow(_ name: String, policy: String, consent: String = "true") -> String {
        """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: \(name)}
        policy: \(policy)
        steps:
          - {id: s, task: notes, ai: human-only, performer: t-ana, consent: \(consent)}

        """
    }

    /// A team folder `team/` with the base policy, one therapist and workflows `a` and `b` under `policy`,
    /// then `changes` (path to text) written over it.
    static func team(policy: String = "base", _ changes: [String: String] = [:]) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("team/base.yaml", base)
        try directory.write("team/t-ana.yaml", therapist)
        try directory.write("team/wf-a.yaml", workflow("a", policy: policy))
        try directory.write("team/wf-b.yaml", workflow("b", policy: policy))
        for (path, text) in changes { try directory.write(path, text) }
        return directory
    }

    static func tacet(_ arguments: [String], in directory: borrowing TemporaryDirectory) throws -> TacetBinary.Result {
        try TacetBinary.run(arguments, in: directory.path)
    }

    /// The last `count` lines of `text`.
    static func last(_ count: Int, of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().suffix(count).map(String.init)
    }

    @Test("check: a clean team ends as before, with nothing said about what was not checked")
    func checkClean() throws {
        let directory = try Self.team()
        let result = try Self.tacet(["check", "team", "--no-plugins"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.last(1, of: result.stdout) == ["2 workflows checked in 4 documents: 0 errors, 0 warnings, 0 infos; 0 suppressed by exceptions"])
    }

    @Test("check: a loosening layer's errors are counted, and the workflows it leaves unchecked are named last")
    func checkLoosening() throws {
        let directory = try Self.team(policy: "team", ["team/team.yaml": Self.looseningLayer])
        let result = try Self.tacet(["check", "team", "--no-plugins"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("[policy.loosens]"))
        #expect(Self.last(2, of: result.stdout) == [
            "0 workflows checked in 5 documents: 3 errors, 0 warnings, 0 infos (3 of them input problems); 0 suppressed by exceptions",
            "2 of 2 workflows could not be checked: see the errors above",
        ])
    }

    @Test("check: a workflow file that does not decode is counted as a workflow not checked")
    func checkBrokenWorkflow() throws {
        let directory = try Self.team(["team/wf-b.yaml": Self.workflow("b", policy: "base", consent: "yes")])
        let result = try Self.tacet(["check", "team", "--no-plugins"], in: directory)
        #expect(result.status == 2)
        #expect(Self.last(2, of: result.stdout) == [
            "1 workflow checked in 3 documents: 1 error, 0 warnings, 0 infos (1 of them an input problem); 0 suppressed by exceptions",
            "1 of 2 workflows could not be checked: see the error above",
        ])
    }

    @Test("check: a file with a YAML syntax error, whose kind is unknown, is a file that could not be loaded")
    func checkSyntaxError() throws {
        let directory = try Self.team(["team/wf-c.yaml": "steps:\n  - id: s\n     task: notes\n"])
        let result = try Self.tacet(["check", "team", "--no-plugins"], in: directory)
        #expect(result.status == 2)
        #expect(Self.last(2, of: result.stdout) == [
            "2 workflows checked in 4 documents: 1 error, 0 warnings, 0 infos (1 of them an input problem); 0 suppressed by exceptions",
            "1 file could not be loaded: see the error above",
        ])
    }

    @Test("check --format json: the summary says what could not be checked (additive fields)")
    func checkJSON() throws {
        let directory = try Self.team(["team/wf-b.yaml": Self.workflow("b", policy: "base", consent: "yes"),
                                       "team/wf-c.yaml": "steps:\n  - id: s\n     task: notes\n"])
        let result = try Self.tacet(["check", "team", "--no-plugins", "--format", "json"], in: directory)
        #expect(result.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["workflows"] as? Int == 1)
        #expect(summary["workflowsNotChecked"] as? Int == 1)
        #expect(summary["plansNotAudited"] as? Int == 0)
        #expect(summary["filesNotLoaded"] as? Int == 2)
        #expect(summary["problems"] as? Int == 2)
        #expect(summary["notChecked"] as? String == "1 of 2 workflows could not be checked and 1 other file could not be loaded: see problems")
    }

    @Test("docs/check-output.md names every field of the json summary")
    func summaryFieldsDocumented() throws {
        let directory = try Self.team(["team/wf-c.yaml": "x: [\n"])
        let result = try Self.tacet(["check", "team", "--no-plugins", "--format", "json"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        let page = try String(contentsOfFile: Repository.path("docs/check-output.md"), encoding: .utf8)
        #expect(summary.keys.contains("notChecked"))
        for key in summary.keys { #expect(page.contains("\"\(key)\"") || page.contains("`\(key)`"), "\(key) is not documented") }
    }

    @Test("docs/check-output.md's sample is the README's main command as JSON, each list cut to its first entry")
    func jsonSample() throws {
        let result = try TacetBinary.run(["check", "Policies", "Curricula", "Examples", "--format", "json", "--today", "2026-11-30"],
                                         in: Repository.root)
        #expect(result.status == 1, "\(result.stderr)")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["findings", "suppressed", "problems"] {
            if let list = object[key] as? [Any] { object[key] = Array(list.prefix(1)) }
        }
        let sample = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        let stale = try DocumentationSample.update(Repository.path("docs/check-output.md"),
                                                   with: ["check-json": String(decoding: sample, as: UTF8.self) + "\n"])
        #expect(stale.isEmpty, "docs/check-output.md's sample is out of date: run TACET_WRITE_DOCS=1 swift test --filter SummaryLineTests")
    }

    @Test("check --format github: the closing lines are check's, counting the annotated input problems")
    func checkGitHub() throws {
        let directory = try Self.team(policy: "team", ["team/team.yaml": Self.looseningLayer])
        let result = try Self.tacet(["check", "team", "--no-plugins", "--format", "github"], in: directory)
        #expect(result.status == 2)
        #expect(Self.last(2, of: result.stdout) == [
            "tacet: 0 workflows checked in 5 documents: 3 errors, 0 warnings, 0 infos (3 of them input problems); 0 suppressed by exceptions",
            "tacet: 2 of 2 workflows could not be checked: see the errors above",
        ])
    }

    @Test("check --format markdown: the headline counts the input problems and the unchecked workflows are stated")
    func checkMarkdown() throws {
        let directory = try Self.team(policy: "team", ["team/team.yaml": Self.looseningLayer])
        let result = try Self.tacet(["check", "team", "--no-plugins", "--format", "markdown"], in: directory)
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(4)) == [
            "### Tacet check: 3 errors, 0 warnings, 0 infos (3 of them input problems)",
            "0 workflows checked in 5 documents.",
            "**The input is invalid:** 3 problems must be fixed before the check can be trusted.",
            "**2 of 2 workflows could not be checked**: see the input problems below.",
        ])
    }

    @Test("check --format junit: the steps of a workflow that could not be checked are skipped, not passed")
    func checkJUnit() throws {
        let directory = try Self.team(policy: "team", ["team/team.yaml": Self.looseningLayer])
        let result = try Self.tacet(["check", "team", "--no-plugins", "--format", "junit"], in: directory)
        #expect(result.status == 2)
        #expect(result.stdout.contains("""
            <testsuite name="Workflow a" tests="2" failures="0" errors="1" skipped="1" time="0" file="team/wf-a.yaml">
            """))
        #expect(result.stdout.contains("""
                <testcase classname="Workflow a" name="step s (notes)" file="team/wf-a.yaml" line="6" time="0">
                  <skipped message="not checked: no valid policy governs this workflow; see the input problems"/>
            """))
    }

    @Test("report: the closing line and the page's verdict say what could not be checked")
    func report() throws {
        let directory = try Self.team(policy: "team", ["team/team.yaml": Self.looseningLayer])
        let result = try Self.tacet(["report", "team", "--no-plugins", "--output", "r.html", "--today", "2026-11-21"], in: directory)
        #expect(result.status == 2)
        #expect(Self.last(2, of: result.stderr) == [
            "wrote r.html: 0 workflows checked in 5 documents; 3 errors, 0 warnings, 0 infos (3 of them input problems), 0 suppressed",
            "2 of 2 workflows could not be checked: see the errors above",
        ])
        let page = try String(contentsOfFile: directory.path + "/r.html", encoding: .utf8)
        #expect(page.contains("<div class=\"count error\"><dt>Errors</dt><dd>3</dd></div>"))
        #expect(page.contains("<div class=\"count error\"><dt>Input problems among them</dt><dd>3</dd></div>"))
        #expect(page.contains("<p class=\"verdict\">The input has errors, so 2 of 2 workflows could not be checked: "
                              + "fix the input problems below before trusting the rest of this report.</p>"))
    }

    @Test("lint: a YAML error in a layer is counted, and the file it left out is named")
    func lintSyntaxError() throws {
        let directory = try TemporaryDirectory()
        try directory.write("policies/base.yaml", Self.base)
        try directory.write("policies/team.yaml", "apiVersion: tacet/v1\nkind: Policy\nmetadata: {name: team}\nextends: [base]\n"
                            + "tasks:\n  - id: notes\n     maxAI: human-only\n")
        let result = try Self.tacet(["lint", "policies"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("[yaml.syntax]"))
        #expect(Self.last(2, of: result.stdout) == [
            "1 policy linted: 1 error, 0 warnings, 1 info (1 of them an input problem)",
            "1 file could not be loaded: see the error above",
        ])
    }

    @Test("lint: a policy document that does not decode is a policy that could not be linted")
    func lintInvalidPolicy() throws {
        let directory = try TemporaryDirectory()
        try directory.write("policies/base.yaml", Self.base)
        try directory.write("policies/team.yaml", Self.looseningLayer.replacingOccurrences(of: "ai-drafted", with: "sometimes"))
        let result = try Self.tacet(["lint", "policies"], in: directory)
        #expect(result.status == 2)
        #expect(Self.last(2, of: result.stdout) == [
            "1 policy linted: 1 error, 0 warnings, 1 info (1 of them an input problem)",
            "1 of 2 policies could not be linted: see the error above",
        ])
    }

    @Test("test: a case whose input cannot be read could not run, and is not counted as passed or failed")
    func testUnrunnableCase() throws {
        let directory = try TemporaryDirectory()
        try directory.write("p/base.yaml", Self.base)
        try directory.write("p/t.yaml", """
            apiVersion: tacet/v1
            kind: PolicyTest
            metadata: {name: t}
            policy: base
            cases:
              - name: an input that is not there
                inputs: [absent.yaml]
                expect: []

            """)
        let result = try Self.tacet(["test", "p"], in: directory)
        #expect(result.status == 2)
        #expect(Self.last(1, of: result.stdout) == ["1 case: 0 passed, 0 failed, 1 could not run: see the error above"])
        try directory.write("p/bad.yaml", "x: [\n")
        let refused = try Self.tacet(["test", "p"], in: directory)
        #expect(refused.status == 2)
        #expect(Self.last(1, of: refused.stdout) == ["no case ran: 1 file could not be loaded: see the error above"])
    }
}
