import Foundation
import Testing
import TacetDocuments
import TacetTestSupport
import TacetTool

/// `explain` for people (issue 20, item 6): by default a step is explained in sentences, each
/// requirement met, not met or not checked and each rule applying or not with the reason in words;
/// `--trace` shows the checker's trace (the facts read and each condition evaluated part by part).
@Suite("Explain in words")
struct ExplainWordingTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!

    /// A clinic's policy with one task and two rules, Ana and Ben, a workflow for adults after trauma
    /// whose step s1 Ben reviews below the level the task asks (excepted), and whose step s2 names a
    /// task the policy does not classify.
    static func clinic(in directory: borrowing TemporaryDirectory) throws {
        try directory.write("policy.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: clinic}
            citations:
              - {id: src, title: Clinic handbook, source: handbook}
            tools:
              - {id: scribe, baa: true, data: [none, deidentified, phi]}
            tasks:
              - id: notes
                title: Progress notes
                area: documentation
                maxAI: ai-drafted
                requires:
                  review: {role: therapist, minLevel: proficient}
                  consent: true
                cite: [src]
            rules:
              - id: trauma-needs-supervisor
                severity: warning
                when:
                  all:
                    - {fact: workflow.population, operator: contains, value: trauma}
                    - {fact: step.ai, operator: atLeast, value: ai-assisted}
                message: Trauma work with AI needs a supervisor's eye.
                cite: [src]
              - id: no-delegation
                severity: error
                when: {fact: step.ai, operator: equals, value: ai-delegated}
                message: Nothing is delegated to AI.
                cite: [src]
            """)
        try directory.write("ana.yaml", """
            apiVersion: tacet/v1
            kind: Therapist
            metadata: {name: ana}
            name: Ana
            role: music-therapist
            credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
            levels: {documentation: proficient}
            """)
        try directory.write("ben.yaml", """
            apiVersion: tacet/v1
            kind: Therapist
            metadata: {name: ben}
            name: Ben
            role: music-therapist
            credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
            levels: {documentation: developing}
            """)
        try directory.write("w.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: w}
            population: adults after trauma
            steps:
              - id: s1
                task: notes
                ai: ai-drafted
                tool: scribe
                data: [phi]
                performer: ana
                reviewer: ben
                consent: true
              - id: s2
                task: notez
                ai: human-only
                performer: ana
            """)
        try directory.write("exception.yaml", """
            apiVersion: tacet/v1
            kind: Exception
            metadata: {name: ben-reviews}
            rule: requirement.review-level
            scope: {workflow: w, step: s1}
            justification: Ben reviews under supervision until his documentation course.
            owner: clinical-director
            expires: 2027-01-31
            """)
        try directory.write("exception2.yaml", """
            apiVersion: tacet/v1
            kind: Exception
            metadata: {name: trauma-pilot}
            rule: trauma-needs-supervisor
            scope: {workflow: w, step: s1}
            justification: The supervisor reads every trauma note this quarter.
            owner: clinical-director
            expires: 2027-01-31
            """)
    }

    /// What `tacet explain w DIR --step STEP` prints, with the directory written as DIR.
    static func explain(_ step: String, trace: Bool = false) throws -> String {
        let directory = try TemporaryDirectory()
        try clinic(in: directory)
        let outcome = ExplainCommand.run(workflow: "w", subject: .step(step), paths: [directory.path], today: today, trace: trace)
        #expect(outcome.status == .ok, "\(outcome.diagnostics.map(\.message))")
        return outcome.output.replacingOccurrences(of: directory.path, with: "DIR")
    }

    @Test("a step is explained in sentences: requirements met, not met (excepted) and not checked; rules applying and not, with why")
    func sentences() throws {
        #expect(try Self.explain("s1") == """
            Step 's1' of workflow 'w' (DIR/w.yaml:6:5).
            It is checked against policy 'clinic'.
            Its task, 'notes' (Progress notes), allows AI up to ai-drafted (DIR/policy.yaml:9:5).

            What the policy requires of every step:
              Met: the step's task is one the policy classifies.
              Met: the step's AI level is at most the task's.
              Met: a step that uses AI names its tool.
              Met: the tool is in the policy's approved-tool registry.
              Met: every data class the step sends may go to that tool.
              Not checked because the task does not restrict data classes: every data class the step sends is one the task may send to AI.
              Met: PHI goes only to tools under a business associate agreement.
              Met: the performer and reviewer are in the roster.
              Met: a reviewer is named when the task requires review.
              Met: the reviewer is not the performer.
              Met: the reviewer has the role the task requires.
              Not met: reviewer ben is developing in documentation; task 'notes' requires review by a therapist at proficient or above in documentation. Exception 'ben-reviews' allows it for now, so check lists it apart.
              Met: the client's consent is recorded when the task requires it.
              Not checked because the task does not require it: AI involvement is disclosed in the record when the task requires it.
              Not checked because the task requires no training: the performer holds every training the task requires, current on the day checked.

            The policy's rules:
              Rule 'trauma-needs-supervisor' applies (warning), because the workflow's population mentions 'trauma' and the step's AI level is ai-drafted, at least ai-assisted. It says: Trauma work with AI needs a supervisor's eye. Exception 'trauma-pilot' allows it for now, so check lists it apart.
              Rule 'no-delegation' does not apply, because the step's AI level is ai-drafted, not ai-delegated.

            Checker plugins do not run in explain: tacet check shows their findings.
            Add --trace for every fact read and each rule's condition evaluated part by part.

            """)
    }

    @Test("a step of a task the policy does not classify says so, and what is not checked for it")
    func unclassifiedTask() throws {
        #expect(try Self.explain("s2") == """
            Step 's2' of workflow 'w' (DIR/w.yaml:14:5).
            It is checked against policy 'clinic'.
            The policy does not classify its task, 'notez': what depends on the task is not checked.

            What the policy requires of every step:
              Not met: step 's2' uses task 'notez', which the policy does not classify.
              Not checked because the task is unknown: the step's AI level is at most the task's.
              Not checked because the step uses no AI: a step that uses AI names its tool.
              Not checked because the step uses no AI: the tool is in the policy's approved-tool registry.
              Not checked because the step uses no AI: every data class the step sends may go to that tool.
              Not checked because the task is unknown: every data class the step sends is one the task may send to AI.
              Not checked because the step uses no AI: PHI goes only to tools under a business associate agreement.
              Met: the performer and reviewer are in the roster.
              Not checked because the task is unknown: a reviewer is named when the task requires review.
              Not checked because the task is unknown: the reviewer is not the performer.
              Not checked because the task is unknown: the reviewer has the role the task requires.
              Not checked because the task is unknown: the reviewer's level in the review area is at least the task's minimum, per the roster.
              Not checked because the task is unknown: the client's consent is recorded when the task requires it.
              Not checked because the task is unknown: AI involvement is disclosed in the record when the task requires it.
              Not checked because the task is unknown: the performer holds every training the task requires, current on the day checked.

            The policy's rules:
              Rule 'trauma-needs-supervisor' does not apply, because the step's AI level is human-only, below ai-assisted.
              Rule 'no-delegation' does not apply, because the step's AI level is human-only, not ai-delegated.

            Checker plugins do not run in explain: tacet check shows their findings.
            Add --trace for every fact read and each rule's condition evaluated part by part.

            """)
    }

    @Test("docs/policy-guide.md's explain sample is what explain prints for the sample team (TACET_WRITE_DOCS=1 rewrites it)")
    func guideSample() throws {
        let outcome = ExplainCommand.run(workflow: "inpatient-documentation", subject: .step("draft-note-weekend"),
                                         paths: ["Policies", "Curricula", "Examples"].map(Repository.path), today: Self.today)
        #expect(outcome.status == .ok)
        let sample = outcome.output.replacingOccurrences(of: Repository.root + "/", with: "")
        let stale = try DocumentationSample.update(Repository.path("docs/policy-guide.md"), with: ["explain-step": sample])
        #expect(stale.isEmpty, "docs/policy-guide.md's explain sample is out of date: run TACET_WRITE_DOCS=1 swift test --filter ExplainWordingTests")
    }

    @Test("--trace shows the checker's trace: every fact read, verdicts by code, each condition part by part")
    func trace() throws {
        let trace = try Self.explain("s1", trace: true)
        #expect(trace.contains("\nFacts read:\n  step.id = 's1'\n"))
        #expect(trace.contains("  workflow.population = 'adults after trauma'\n"))
        #expect(trace.contains("  FAIL requirement.review-level: reviewer ben is developing in documentation; task 'notes' requires review by "
                               + "a therapist at proficient or above in documentation (suppressed by exception 'ben-reviews')\n"))
        #expect(trace.contains("  n/a  requirement.task-data: not checked: the task does not restrict data classes\n"))
        #expect(trace.contains("  FIRES trauma-needs-supervisor (warning), DIR/policy.yaml:18:5\n"))
        #expect(trace.contains("          workflow.population contains 'trauma': workflow.population is 'adults after trauma' -> true\n"))
        #expect(trace.contains("  quiet no-delegation (error), DIR/policy.yaml:26:5\n"))
        #expect(!trace.contains("Rule '"))
    }
}
