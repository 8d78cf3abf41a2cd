import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine

@Suite("Checkers specialized to a workflow's facts")
struct SpecializationTests {
    static let rules = """
        rules:
          - id: north-drafts
            severity: warning
            when: {all: [{fact: workflow.team, operator: equals, value: north}, {fact: step.ai, operator: equals, value: ai-drafted}]}
            message: North drafts need a second look.
            cite: [src]
          - id: school-research
            severity: error
            when: {any: [{fact: workflow.setting, operator: notEquals, value: school}, {fact: step.task, operator: equals, value: research}]}
            message: Only research outside schools.
            cite: [src]

        """

    /// A rule on the workflow's name: every workflow has its own value.
    static let nameRule = """
          - id: seventh
            severity: info
            when: {all: [{fact: workflow.name, operator: matches, value: "-7$"}, {not: {fact: workflow.population, operator: exists}}]}
            message: The seventh workflow.
            cite: [src]

        """

    /// `count` workflows in two teams, some in schools, each with a research step and a notes step.
    static func workspace(workflows count: Int, byName: Bool = true) throws -> Workspace {
        var files = [("policy.yaml", Fixture.policy + rules + (byName ? nameRule : ""))]
        files += Fixture.roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        for index in 0..<count {
            files.append(("w\(String(index + 100)).yaml", """
                apiVersion: tacet/v1
                kind: Workflow
                metadata: {name: wf-\(index), team: \(index % 2 == 0 ? "north" : "south")}
                setting: \(index % 3 == 0 ? "school" : "clinic")
                steps:
                  - {id: a, task: research, ai: ai-assisted, tool: scribe, data: [none], performer: ana}
                  - id: b
                \(Fixture.goodStep.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))

                """))
        }
        return try Fixture.workspace(files)
    }

    @Test("a specialized checker settles the workflow's facts and finds exactly what the general one finds")
    func sameFindings() throws {
        let workspace = try Self.workspace(workflows: 6)
        let (policies, _) = PolicyResolver.resolve(workspace.documents)
        let policy = try #require(policies["base"])
        let general = WorkflowChecker(policy: policy, roster: Roster(workspace.documents), today: .epoch)
        #expect(general.workflowFacts == [.workflowName, .workflowTeam, .workflowSetting, .workflowPopulation])
        var fired = Set<String>()
        for document in workspace.documents {
            guard case .workflow(let workflow) = document.document else { continue }
            let specialized = general.specialized(to: workflow)
            #expect(specialized.workflowFacts.isEmpty)
            let findings = specialized.check(document, workflow)
            #expect(findings == general.check(document, workflow))
            fired.formUnion(findings.map(\.code))
        }
        // The rules fired on some workflows and not others, so both outcomes were compared.
        #expect(fired.isSuperset(of: ["north-drafts", "school-research"]))
    }

    @Test("a whole check specializes for few teams and settings, not for names, and finds what the general checker finds",
          arguments: [false, true])
    func wholeCheck(byName: Bool) throws {
        let workspace = try Self.workspace(workflows: 40, byName: byName)
        let report = CheckEngine.check(workspace, today: .epoch)
        let (policies, _) = PolicyResolver.resolve(workspace.documents)
        let general = WorkflowChecker(policy: try #require(policies["base"]), roster: Roster(workspace.documents), today: .epoch)
        let jobs = workspace.documents.compactMap { document -> (checker: WorkflowChecker, document: LoadedDocument, workflow: Workflow)? in
            guard case .workflow(let workflow) = document.document else { return nil }
            return (general, document, workflow)
        }
        let expected = jobs.flatMap { $0.checker.check($0.document, $0.workflow) }
        #expect(report.findings == expected)
        #expect(report.findings.filter { $0.code == "north-drafts" }.count == 20)
        #expect(report.findings.filter { $0.code == "seventh" }.count == (byName ? 2 : 0))
        // Four team and setting pairs among 40 workflows are worth specializing once a pair has eight
        // workflows; 40 names never are.
        let cache = CheckerCache(roster: Roster(workspace.documents), today: .epoch)
        let specialized = jobs.map { cache.checker(for: general.policy, $0.workflow).workflowFacts.isEmpty }
        #expect(specialized.contains(true) == !byName)
        // 13 clinic workflows per team are served specialized from their eighth on (6 each); the school
        // pairs have 7 workflows each, one too few.
        #expect(CheckerCache.specializeAt == 8)
        #expect(specialized.filter { $0 }.count == (byName ? 0 : 12))
    }

    @Test("asked from many threads at once, the cache hands out checkers that find what the general one finds, and specializes each large group")
    func concurrentRequests() throws {
        let workspace = try Self.workspace(workflows: 120, byName: false)
        let (policies, _) = PolicyResolver.resolve(workspace.documents)
        let policy = try #require(policies["base"])
        let general = WorkflowChecker(policy: policy, roster: Roster(workspace.documents), today: .epoch)
        let jobs = workspace.documents.compactMap { document -> (document: LoadedDocument, workflow: Workflow)? in
            guard case .workflow(let workflow) = document.document else { return nil }
            return (document, workflow)
        }
        let cache = CheckerCache(roster: Roster(workspace.documents), today: .epoch)
        // Each workflow three times over, from every thread at once: a group's specialized checker is made while
        // other threads still ask for checkers of the same group.
        let asked = jobs.count * 3
        let agrees = Parallel.map(asked) { index in
            let job = jobs[index % jobs.count]
            return cache.checker(for: policy, job.workflow).check(job.document, job.workflow) == general.check(job.document, job.workflow)
        }
        #expect(agrees.allSatisfy { $0 })
        // Every team and setting pair has 20 workflows (60 asks), past the eight that earn a specialized checker.
        for job in jobs {
            #expect(cache.checker(for: policy, job.workflow).workflowFacts.isEmpty)
        }
    }

    @Test("the task facts a checker settles per task are the ones each task gives")
    func taskFacts() throws {
        let workspace = try Self.workspace(workflows: 1)
        let (policies, _) = PolicyResolver.resolve(workspace.documents)
        let policy = try #require(policies["base"])
        #expect(!policy.tasks.isEmpty)
        for task in policy.tasks.values {
            #expect(Set(StepContext.taskFacts(task.value).keys) == StepContext.taskFacts)
        }
    }
}
