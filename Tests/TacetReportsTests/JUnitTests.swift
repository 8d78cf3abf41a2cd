import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TacetDiagnostics
import TacetPluginHost
import TacetReports
import TacetYAML
import TacetTestSupport
import Testing

@Suite struct JUnitTests {
    /// Parses the XML and checks the structure JUnit consumers rely on: a `testsuites` root, suites whose
    /// counts match their cases, cases with class and name, failures and errors with message and type.
    static func parse(_ text: String) throws -> XMLElement {
        let document = try XMLDocument(xmlString: text, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        var total = 0
        for suite in root.elements(forName: "testsuite") {
            let cases = suite.elements(forName: "testcase")
            total += cases.count
            #expect(suite.attribute(forName: "name")?.stringValue?.isEmpty == false)
            #expect(Int(suite.attribute(forName: "tests")?.stringValue ?? "") == cases.count)
            #expect(Int(suite.attribute(forName: "failures")?.stringValue ?? "") == cases.filter { !$0.elements(forName: "failure").isEmpty }.count)
            #expect(Int(suite.attribute(forName: "errors")?.stringValue ?? "") == cases.filter { !$0.elements(forName: "error").isEmpty }.count)
            for testCase in cases {
                #expect(testCase.attribute(forName: "classname")?.stringValue?.isEmpty == false)
                #expect(testCase.attribute(forName: "name")?.stringValue?.isEmpty == false)
                for outcome in testCase.elements(forName: "failure") + testCase.elements(forName: "error") {
                    #expect(outcome.attribute(forName: "message")?.stringValue?.isEmpty == false)
                    #expect(outcome.attribute(forName: "type")?.stringValue?.isEmpty == false)
                }
            }
        }
        #expect(Int(root.attribute(forName: "tests")?.stringValue ?? "") == total)
        return root
    }

    static func testCase(_ root: XMLElement, suite: String, name: String) -> XMLElement? {
        root.elements(forName: "testsuite").first { $0.attribute(forName: "name")?.stringValue == suite }?
            .elements(forName: "testcase").first { $0.attribute(forName: "name")?.stringValue == name }
    }

    @Test func oneSuitePerDocumentOneCasePerStepWithFailuresWhereFindingsAre() throws {
        let input = ReportFixture.sampleTeam()
        let root = try Self.parse(JUnitRenderer.render(input))
        let names = root.elements(forName: "testsuite").compactMap { $0.attribute(forName: "name")?.stringValue }
        #expect(names == ["LearningPlan t-ana-plan", "LearningPlan plan-t-ben", "LearningPlan t-cho-plan",
                          "Workflow inpatient-documentation", "Workflow outcome-analytics", "Workflow session-planning"])
        let consent = try #require(Self.testCase(root, suite: "Workflow session-planning", name: "step activity-ideas (session-planning)"))
        let failure = try #require(consent.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "type")?.stringValue == "requirement.consent")
        #expect(failure.attribute(forName: "message")?.stringValue?.hasSuffix("does not record it") == true)
        #expect(failure.stringValue?.contains("session-planning.yaml:24:5") == true)
        #expect(consent.attribute(forName: "line")?.stringValue == "24")
        // A warning below --fail-on error is kept as output, not a failure (the step's failure is the plugin's error).
        let delegation = try #require(Self.testCase(root, suite: "Workflow inpatient-documentation", name: "step schedule-sessions (scheduling-logistics)"))
        #expect(delegation.elements(forName: "failure").first?.stringValue?.contains("pediatric-no-delegation-with-phi") == false)
        #expect(delegation.elements(forName: "system-out").first?.stringValue?.contains("pediatric-no-delegation-with-phi") == true)
        // Plan items are cases too; the plan-wide shortfall belongs to the document case.
        let plan = try #require(Self.testCase(root, suite: "LearningPlan plan-t-ben", name: "document"))
        #expect(plan.elements(forName: "failure").first?.stringValue?.contains("plan.credits-short") == true)
        // The suppressed finding is still listed.
        #expect(JUnitRenderer.render(input).contains("suppressed by exception"))
    }

    @Test func failOnWarningTurnsWarningsIntoFailures() throws {
        var input = ReportFixture.sampleTeam()
        input.failOn = .warning
        let root = try Self.parse(JUnitRenderer.render(input))
        let delegation = try #require(Self.testCase(root, suite: "Workflow inpatient-documentation", name: "step schedule-sessions (scheduling-logistics)"))
        #expect(delegation.elements(forName: "failure").first?.stringValue?.contains("pediatric-no-delegation-with-phi") == true)
        #expect(delegation.elements(forName: "system-out").isEmpty)
    }

    @Test func aCleanWorkflowHasOnlyPassingCases() throws {
        let root = try Self.parse(JUnitRenderer.render(ReportFixture.cleanTeam()))
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 1)
        #expect(root.attribute(forName: "failures")?.stringValue == "0")
        #expect((suites.first?.elements(forName: "testcase").count ?? 0) > 1)
    }

    @Test func inputErrorsAreErrorsAndTrickyTextStaysWellFormed() throws {
        var input = ReportFixture.cleanTeam()
        input.report.problems = [.error(YAMLErrorCode.syntax, "bad <tag> & \"quote\" \u{1}control",
                                        at: SourceLocation(file: "Policies/broken.yaml", line: 2, column: 1))]
        input.report.findings = [Diagnostic(PluginErrorCode.spawnFailed, message: "could not start", origin: .pluginFailure("x"))]
        let text = JUnitRenderer.render(input)
        let root = try Self.parse(text)
        let broken = try #require(Self.testCase(root, suite: "Policies/broken.yaml", name: "document"))
        #expect(broken.elements(forName: "error").first?.attribute(forName: "message")?.stringValue?.contains("bad <tag> & \"quote\"") == true)
        // A finding with no place in a file still gets a case.
        #expect(Self.testCase(root, suite: "tacet", name: "run")?.elements(forName: "failure").count == 1)
    }
}
