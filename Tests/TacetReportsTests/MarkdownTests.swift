import TacetDiagnostics
import TacetReports
import TacetTestSupport
import Testing

@Suite struct MarkdownTests {
    @Test func summaryTableAndCollapsedDetails() {
        let text = MarkdownRenderer.render(ReportFixture.sampleTeam())
        #expect(text.hasPrefix("### Tacet check: 16 errors, 1 warning, 0 infos\n"))
        #expect(text.contains("| error | `requirement.consent` | [session-planning.yaml:24:5](Examples/pediatrics/workflows/session-planning.yaml#L24) |"))
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
        #expect(text.contains(#"| warning | `r'x` | [x y.yaml:7:1](https://example.org/team/blob/abc123/Examples/x%20y.yaml#L7) | a \| b &lt;script&gt; \*bold\*\\nnext |"#))
    }

    @Test func controlsAndLineBreaksStayInTheirCell() {
        var input = ReportFixture.cleanTeam()
        input.report.findings = [Diagnostic(rule: "evil/a|b", severity: .error, message: "x\u{1B}[2J\u{7}\r\n| forged | row |\u{2066}",
                                            origin: .plugin("evil"), location: SourceLocation(file: "w.yaml", line: 1, column: 1),
                                            hint: "h\n# heading", citations: ["c\r\n"])]
        let text = MarkdownRenderer.render(input)
        #expect(text.contains(#"| error | `evil/a\|b` (plugin evil) | [w.yaml:1:1](w.yaml#L1) | x\\u{1B}\[2J\\u{7}\\r\\n\| forged \| row \|\\u{2066} |"# + "\n"))
        #expect(text.contains(##"**Fix:** h\\n\# heading"##))
        #expect(text.contains(#"- `c\r\n`"#))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x7 || $0 == "\r" || $0.value == 0x2066 })
    }

    @Test func aCleanRunSaysSo() {
        let text = MarkdownRenderer.render(ReportFixture.cleanTeam())
        #expect(text.hasPrefix("### Tacet check: no findings\n"))
        #expect(!text.contains("| Severity |"))
    }
}
