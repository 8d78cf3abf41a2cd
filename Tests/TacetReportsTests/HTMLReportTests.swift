import TacetDiagnostics
import TacetReports
import TacetTestSupport
import Testing

@Suite struct HTMLReportTests {
    @Test func selfContainedAndStructuredForScreenReaders() {
        let html = HTMLReportRenderer.render(ReportFixture.sampleTeam(), today: ReportFixture.today)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for external in ["<script", "<link", "src=", "url(", "@import"] {
            #expect(!html.contains(external), "the page loads nothing from elsewhere: found \(external)")
        }
        #expect(html.components(separatedBy: "<h1>").count == 2, "one top-level heading")
        #expect(html.contains("<main>") && html.contains("<nav aria-label=\"Sections\">"))
        // Every table has header cells with a scope, and every column header is one.
        #expect(!html.contains("<th>"))
        #expect(html.components(separatedBy: "<table").count == html.components(separatedBy: "<thead>").count)
        // Severity is a word wherever it is a colour.
        #expect(html.contains("<span class=\"badge error\">error</span>"))
        #expect(html.contains("<span class=\"status\">1 below proficient</span>"))
        #expect(html.contains("@media print"))
    }

    @Test func findingsCarryRationaleSourcesAndSuppression() {
        let html = HTMLReportRenderer.render(ReportFixture.sampleTeam(), today: ReportFixture.today)
        #expect(html.contains("<h4>Errors (3)</h4>"))
        #expect(html.contains("Task <code>session-planning</code>:"))
        #expect(html.contains("Suppressed by exception <code>weekend-review-cover</code>, owner clinical-director, expires 2027-01-31."))
        #expect(html.contains("from plugin <code>phi-scan</code>"))
    }

    @Test func textIsEscaped() {
        var input = ReportFixture.cleanTeam()
        input.report.findings = [Diagnostic(rule: "x", severity: .warning, message: "<script>alert('x')</script> & more", origin: .engine,
                                            location: SourceLocation(file: "Examples/a.yaml", line: 1, column: 1))]
        let html = HTMLReportRenderer.render(input, today: ReportFixture.today)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
    }

    @Test func aCleanTeamSaysSoAndStillShowsItsPeople() {
        let html = HTMLReportRenderer.render(ReportFixture.cleanTeam(), today: ReportFixture.today)
        #expect(html.contains("No findings: every workflow and plan checked meets the policy."))
        #expect(html.contains("<dt>Errors</dt><dd>0</dd>"))
        #expect(html.contains("<th scope=\"row\">Min-jun Cho<br>"))
        #expect(html.contains("<p class=\"missing\">No learning plan among the documents checked.</p>\n</article>"))
    }

    @Test func timelinesAccumulateCreditsAcrossTheCycle() {
        let html = HTMLReportRenderer.render(ReportFixture.sampleTeam(), today: ReportFixture.today)
        #expect(html.contains("<caption>Ben Okafor's plan by quarter</caption>"))
        // t-ben: 14 credits in 2027-Q1 then 4 more; the misspelt course counts nothing; 2031-Q1 is outside the cycle.
        #expect(html.contains("14 of 100 (14%)"))
        #expect(html.contains("18 of 100 (18%)"))
        #expect(html.contains("<code>assesment-developing</code> <em>(in no catalog: 0 credits counted)</em>"))
        #expect(html.contains("Outside the cycle, not counted:"))
        #expect(html.contains("Ethics credits within continuing-music-therapy-education: 0 of at least 3 (short by 3)."))
        #expect(html.contains("<p>Keep proof of every credit (certificates, attendance records) until 2031-12-31: renewals are audited at random (how long is an assumption in the Requirements: confirm it with the certifying body).</p>"))
        #expect(html.contains("<th scope=\"row\">2027-Q4</th><td>no courses</td>"))
        // t-ana renews her AI-literacy training twice: the repeats are marked and add no credits, so she ends at 100, not 108.
        #expect(html.components(separatedBy: "<em>(a repeat: no credits counted)</em>").count - 1 == 2)
        #expect(html.contains("100 of 100 (100%)"))
        #expect(!html.contains("108 of 100"))
    }
}
