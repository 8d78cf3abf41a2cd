import TacetDiagnostics
import TacetReports
import TacetTestSupport
import Testing

@Suite struct MarkdownTests {
    @Test func summaryTableAndCollapsedDetails() {
        let text = MarkdownRenderer.render(ReportFixture.sampleTeam())
        #expect(text.hasPrefix("### Tacet check: 16 errors, 1 warning, 0 infos\n"))
        #expect(text.contains("| error | `requirement.consent` | [session-planning.yaml:21:5](Examples/pediatrics/workflows/session-planning.yaml#L21) |"))
        #expect(text.contains("<details>\n<summary>Fixes and sources for 17 findings</summary>"))
        #expect(text.contains("<summary>1 finding suppressed by exceptions</summary>"))
        // Sources are shown by title, and assumptions are marked as such.
        #expect(text.contains("*(editable assumption, not a checked source)*"))
    }

    @Test func linkBaseAndEscaping() {
        var input = ReportFixture.cleanTeam()
        input.linkBase = "https://example.org/team/blob/abc123"
        input.report.findings = [Diagnostic(rule: "r`x", severity: .warning, message: "a | b <script> *bold*\nnext", origin: .engine,
                                            location: SourceLocation(file: Repository.path("Examples/x y.yaml"), line: 7, column: 1))]
        let text = MarkdownRenderer.render(input)
        #expect(text.contains("| warning | `r'x` | [x y.yaml:7:1](https://example.org/team/blob/abc123/Examples/x%20y.yaml#L7) | a \\| b &lt;script&gt; \\*bold\\*<br>next |"))
    }

    @Test func aCleanRunSaysSo() {
        let text = MarkdownRenderer.render(ReportFixture.cleanTeam())
        #expect(text.hasPrefix("### Tacet check: no findings\n"))
        #expect(!text.contains("| Severity |"))
    }
}
