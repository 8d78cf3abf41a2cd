import TacetDiagnostics
import TacetReports
import TacetTestSupport
import Testing

@Suite struct GitHubAnnotationTests {
    @Test func findingsBecomeAnnotationsAtTheirPlace() {
        let text = GitHubAnnotationRenderer.render(ReportFixture.sampleTeam())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("::error file=Examples/pediatrics/workflows/session-planning.yaml,line=24,col=5,title=requirement.consent::") })
        #expect(lines.contains { $0.hasPrefix("::warning file=Examples/pediatrics/workflows/inpatient-documentation.yaml,line=57,col=11,") })
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
        // The message's own line breaks are shown (`\n`, `\r`); only the renderer's break before "Fix:" is encoded as one.
        #expect(command == #"::notice file=dir%2Cx/a%3Ab.yaml,line=4,col=2,title=rule%3Aa%2Cb::100%25 done\nsecond line\r%0AFix: fix it"#)
    }

    @Test func controlsFromAPluginAreShownNotObeyed() {
        var input = ReportFixture.cleanTeam()
        input.report.findings = [
            Diagnostic(rule: "evil/x", severity: .error, message: "a\u{1B}[2J\u{7}\r\n::error file=fake.yaml::forged\u{202E}",
                       origin: .plugin("evil"), location: SourceLocation(file: "w\u{1B}.yaml", line: 1, column: 1),
                       hint: "h\u{85}", citations: ["c\n%"]),
        ]
        let text = GitHubAnnotationRenderer.render(input)
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.hasPrefix(#"::error file=w\u{1B}.yaml,line=1,col=1,title=evil/x (plugin evil)::a\u{1B}[2J\u{7}\r\n::error file=fake.yaml::forged\u{202E}%0AFix: h\u{85}%0ASources: c\n%25"# + "\n"))
    }

    @Test func aCleanRunHasOnlyTheSummary() {
        let text = GitHubAnnotationRenderer.render(ReportFixture.cleanTeam())
        #expect(!text.contains("::"))
        #expect(text == "tacet: 1 workflow checked in 9 documents: 0 errors, 0 warnings, 0 infos; 0 suppressed by exceptions\n")
    }
}
