import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine

@Suite("Exceptions")
struct ExceptionTests {
    static func exception(rule: String = "requirement.review-level", workflow: String = "wf", step: String? = "s1",
                          expires: String = "2027-01-31") -> (String, String) {
        let scope = step.map { "{workflow: \(workflow), step: \($0)}" } ?? "{workflow: \(workflow)}"
        return ("exception.yaml", """
            apiVersion: tacet/v1
            kind: Exception
            metadata: {name: cover}
            rule: \(rule)
            scope: \(scope)
            justification: Cover until a new hire starts.
            owner: director
            expires: \(expires)

            """)
    }

    static let lowReviewer = RequirementTests.step("reviewer: dee")

    @Test("an exception in force moves its findings to the suppressed list")
    func valid() throws {
        let report = try Fixture.check(step: Self.lowReviewer, extra: [Self.exception()], today: "2027-01-31")
        #expect(report.findings.isEmpty)
        #expect(report.suppressed.map(\.finding.code) == [Requirement.reviewLevel.rawValue])
        #expect(report.suppressed.first?.exception == "cover")
        #expect(report.suppressed.first?.owner == "director")
        #expect(report.problems.isEmpty)
        let workflowWide = try Fixture.check(step: Self.lowReviewer, extra: [Self.exception(step: nil)])
        #expect(workflowWide.suppressed.count == 1)
    }

    @Test("an expired exception is reported and suppresses nothing")
    func expired() throws {
        let report = try Fixture.check(step: Self.lowReviewer, extra: [Self.exception()], today: "2027-02-01")
        #expect(report.rules == [Requirement.reviewLevel.rawValue])
        #expect(report.suppressed.isEmpty)
        let warning = try #require(report.problems.first)
        #expect(warning.code == ExceptionErrorCode.expired.rawValue)
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == 8)
    }

    @Test("an exception for an unknown rule or scope is an error", arguments: [
        (exception(rule: "requirement.review-lvl"), ExceptionErrorCode.unknownRule, "did you mean 'requirement.review-level'?"),
        (exception(workflow: "wff"), ExceptionErrorCode.unknownScope, "did you mean 'wf'?"),
        (exception(step: "s2"), ExceptionErrorCode.unknownScope, "did you mean 's1'?"),
    ])
    func unknown(document: (String, String), code: ExceptionErrorCode, hint: String) throws {
        let report = try Fixture.check(step: Self.lowReviewer, extra: [document])
        #expect(report.suppressed.isEmpty)
        #expect(report.rules == [Requirement.reviewLevel.rawValue])
        let error = try #require(report.problems.first)
        #expect(error.code == code.rawValue)
        #expect(error.hint == hint)
        #expect(report.inputInvalid)
    }

    @Test("an exception that suppresses nothing is noted")
    func unused() throws {
        let report = try Fixture.check(step: Fixture.goodStep, extra: [Self.exception()])
        #expect(report.problems.map(\.code) == [ExceptionErrorCode.unused.rawValue])
        #expect(report.problems.first?.severity == .info)
        #expect(!report.inputInvalid)
    }
}
