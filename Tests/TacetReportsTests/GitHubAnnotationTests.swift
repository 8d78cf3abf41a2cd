import TacetDiagnostics
import TacetReports
import TacetTestSupport
import Testing

@Suite struct GitHubAnnotationTests {
    @Test func findingsBecomeAnnotationsAtTheirPlace() {
        let text = GitHubAnnotationRenderer.render(ReportFixture.sampleTeam())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("::error file=Examples/pediatrics/workflows/session-planning.yaml,line=21,col=5,title=requirement.consent::") })
        #expect(lines.contains { $0.hasPrefix("::warning file=Examples/pediatrics/workflows/inpatient-documentation.yaml,line=50,col=11,") })
        #expect(lines.contains { $0.contains("title=phi-scan/record-number (plugin phi-scan)::") })
        // One command per finding in force; the suppressed one is only counted.
        #expect(lines.filter { $0.hasPrefix("::") }.count == ReportFixture.sampleTeam().report.findings.count)
        #expect(lines.last?.contains("1 suppressed") == true)
    }

    @Test func messagesAndPropertiesAreEscaped() {
        var input = ReportFixture.cleanTeam()
        input.report.findings = [
            Diagnostic(rule: "rule:a,b", severity: .info, message: "100% done\nsecond line\r", origin: .engine, location: SourceLocation(file: "dir,x/a:b.yaml", line: 4, column: 2),
                       hint: "fix it"),
        ]
        let command = GitHubAnnotationRenderer.render(input).split(separator: "\n").first.map(String.init)
        #expect(command == "::notice file=dir%2Cx/a%3Ab.yaml,line=4,col=2,title=rule%3Aa%2Cb::100%25 done%0Asecond line%0D%0AFix: fix it")
    }

    @Test func aCleanRunHasOnlyTheSummary() {
        let text = GitHubAnnotationRenderer.render(ReportFixture.cleanTeam())
        #expect(!text.contains("::"))
        #expect(text == "tacet: 1 workflow checked in 9 documents: 0 errors, 0 warnings, 0 infos; 0 suppressed by exceptions\n")
    }
}
