import Testing
import TacetDiagnostics
import TacetDocuments
import TacetTestSupport
@testable import TacetEngine

/// `tacet test` finds in a case's inputs exactly what `tacet check` finds in them with the tested policy.
@Suite("Policy test runner")
struct PolicyTestRunnerTests {
    /// A team layer whose rule fires on every research step.
    static let team = """
        apiVersion: tacet/v1
        kind: Policy
        metadata: {name: team}
        extends: [base]
        rules:
          - id: team-research
            severity: warning
            when: {fact: step.task, operator: equals, value: research}
            message: The team reviews research by hand.
            cite: [src]

        """

    /// A workflow with one compliant research step, naming `policy` when given.
    static func research(policy: String?) -> String {
        """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: research-\(policy ?? "unnamed")}
        \(policy.map { "policy: \($0)\n" } ?? "")steps:
          - {id: a, task: research, ai: ai-assisted, tool: scribe, data: [none], performer: ana}

        """
    }

    static let tests = """
        apiVersion: tacet/v1
        kind: PolicyTest
        metadata: {name: team-tests}
        policy: team
        cases:
          - name: a workflow that names no policy gets the tested one
            inputs: [roster, unnamed.yaml]
            expect:
              - {rule: team-research, path: /steps/0}
          - name: a workflow that names the base is checked against the base, as check does
            inputs: [roster, base.yaml]
            expect: []
          - name: learning plans among the inputs are audited, as check does
            inputs: [roster, plans]
            expect:
              - {rule: plan.unknown-therapist, path: /therapist}

        """

    @Test("each case is checked as check checks its inputs: the policy a workflow names, plan audits, exceptions")
    func sameAsCheck() throws {
        let directory = try TemporaryDirectory()
        try directory.write("policy.yaml", Fixture.policy)
        try directory.write("team.yaml", Self.team)
        let test = try directory.write("tests.yaml", Self.tests)
        for (index, therapist) in Fixture.roster.enumerated() { try directory.write("roster/t\(index).yaml", therapist) }
        try directory.write("unnamed.yaml", Self.research(policy: nil))
        try directory.write("base.yaml", Self.research(policy: "base"))
        try directory.write("plans/catalog.yaml", PlanAuditTests.catalog)
        try directory.write("plans/requirements.yaml", PlanAuditTests.requirements)
        try directory.write("plans/plan.yaml", PlanAuditTests.plan(PlanAuditTests.good, therapist: "anna"))
        let workspace = WorkspaceLoader().load([directory.path + "/policy.yaml", directory.path + "/team.yaml", test])
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        let (results, coverage) = PolicyTestRunner(today: .epoch).run(workspace)
        #expect(results.count == 3)
        for result in results {
            #expect(result.passed, """
                \(result.testCase.name): missing \(result.missing.map(\.rule)), unexpected \(result.unexpected.map(\.code)), \
                problems \(result.problems.map(\.message))
                """)
        }
        #expect(coverage.first?.exercised == ["team-research"])
    }
}
