import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine

/// A rule that fires on a `contains` or `matches` test says which text set it off, and where.
@Suite("Rule findings quote the text that matched")
struct MatchedTextTests {
    /// The findings of the fixture policy plus `rules` for one good step plus `fields`, rendered as `check` prints them.
    static func rendered(_ rules: String, _ fields: String) throws -> String {
        let files = [("policy.yaml", Fixture.policy + "rules:\n" + rules),
                     ("wf.yaml", Fixture.workflow(Fixture.goodStep + "\n" + fields, extra: "population: Adults in crisis care\n"))]
            + Fixture.roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        let workspace = try Fixture.workspace(files)
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        return DiagnosticRenderer().render(CheckEngine.check(workspace, today: .epoch).findings)
    }

    @Test("contains: the finding quotes the text and names the field, at the field's line")
    func contains() throws {
        let rules = """
              - id: mentions-transcript
                severity: warning
                message: the step sends a session transcript
                when: {fact: step.description, operator: contains, value: transcript}

            """
        let text = try Self.rendered(rules, "description: Upload the session transcript for review")
        #expect(text == """
            wf.yaml:6:5: warning: the step sends a session transcript [mentions-transcript]
              note: rule defined here (policy.yaml:40:5)
              note: matched "transcript" in step.description (contains "transcript") (wf.yaml:15:18)

            """)
    }

    @Test("matches: the match is quoted, cut at 60 characters, control characters escaped; only the tests that made the rule fire")
    func matches() throws {
        let rules = """
              - id: record-number
                severity: error
                message: the description names a client's record number
                when:
                  all:
                    - {fact: workflow.population, operator: contains, value: crisis}
                    - any:
                        - {fact: step.description, operator: matches, value: "(?i)mrn[: ]*\\\\d+.*"}
                        - {fact: step.description, operator: contains, value: chart}
                    - not: {fact: step.description, operator: contains, value: deidentified}

            """
        let description = #"description: "Draft for MRN 40213\tfrom the ward's \"blue\" list, then the rest of a long note""#
        let text = try Self.rendered(rules, description)
        #expect(text == #"""
            wf.yaml:6:5: error: the description names a client's record number [record-number]
              note: rule defined here (policy.yaml:40:5)
              note: matched "crisis" in workflow.population (contains "crisis") (wf.yaml:4:13)
              note: matched "MRN 40213\tfrom the ward's \"blue\" list, then the rest of a l…" in step.description (matches /(?i)mrn[: ]*\d+.*/) (wf.yaml:15:18)

            """#)
    }

    @Test("a quoted match is at most 60 characters and escapes what would break the line")
    func quoting() {
        #expect(MatchedText.quote("a\nb\u{7}\"c\\") == #""a\nb\u{7}\"c\\""#)
        #expect(MatchedText.quote(String(repeating: "x", count: 60)) == "\"" + String(repeating: "x", count: 60) + "\"")
        #expect(MatchedText.quote(String(repeating: "x", count: 61)) == "\"" + String(repeating: "x", count: 59) + "…\"")
    }
}
