import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine
import TacetPlanning

/// Each learning-plan audit finding, with a plan that triggers it; and a clean plan with none.
@Suite("Learning plan audit")
struct PlanAuditTests {
    static let catalog = """
        apiVersion: tacet/v1
        kind: Catalog
        metadata: {name: c}
        courses:
          - {id: doc-1, title: D1, provider: P, credits: 40, category: cmte, hours: 10, cost: 100, format: online, outcomes: [{area: documentation, level: developing}]}
          - {id: doc-2, title: D2, provider: P, credits: 40, category: cmte, hours: 10, cost: 100, format: online, outcomes: [{area: documentation, level: proficient, entry: developing}], prerequisites: [intro]}
          - {id: intro, title: I, provider: P, credits: 10, category: cmte, hours: 5, cost: 50, format: online}
          - {id: ethics, title: E, provider: P, credits: 10, category: ethics, hours: 5, cost: 50, format: online}

        """

    static let requirements = """
        apiVersion: tacet/v1
        kind: Requirements
        metadata: {name: r}
        body: Board
        credential: MT-BC
        cycleYears: 5
        totalCredits: 100
        minutesPerCredit: 50
        categories: [cmte, ethics]
        minimums: [{category: ethics, credits: 3}]

        """

    static let therapist = """
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {name: ana}
        name: Ana
        role: music-therapist
        credential: {name: MT-BC, cycleStart: 2026-01-01, cycleEnd: 2030-12-31}
        levels: {documentation: emerging}
        budget: {hoursPerYear: 25, moneyPerYear: 250}

        """

    /// A plan whose items are `items` (one flow mapping per line).
    static func plan(_ items: [String], therapist: String = "ana", cycleEnd: String = "2030-12-31") -> String {
        "apiVersion: tacet/v1\nkind: LearningPlan\nmetadata: {name: p}\ntherapist: \(therapist)\ncycleStart: 2026-01-01\n"
            + "cycleEnd: \(cycleEnd)\nitems:\n" + items.map { "  - \($0)\n" }.joined()
    }

    static let good = [
        "{course: intro, quarter: 2027-Q1}", "{course: ethics, quarter: 2027-Q1}", "{course: doc-1, quarter: 2027-Q2}",
        "{course: doc-2, quarter: 2028-Q1}",
    ]

    static func audit(_ plan: String, extra: [(String, String)] = []) throws -> [Diagnostic] {
        let workspace = try Fixture.workspace([("catalog.yaml", catalog), ("requirements.yaml", requirements),
                                               ("ana.yaml", therapist), ("plan.yaml", plan)] + extra)
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        let report = CheckEngine.check(workspace, today: .epoch)
        #expect(report.plansChecked == 1)
        return report.findings
    }

    @Test("a plan that meets every rule has no finding")
    func clean() throws {
        #expect(try Self.audit(Self.plan(Self.good)).isEmpty)
    }

    @Test("each mistake gives its finding at its item", arguments: [
        (plan(good.map { $0.replacingOccurrences(of: "doc-1,", with: "doc-one,") }), PlanFinding.unknownCourse, "/items/2/course"),
        (plan(good + ["{course: ethics, quarter: 2028-Q2}"]), .duplicateCourse, "/items/4/course"),
        (plan(good.map { $0.replacingOccurrences(of: "2028-Q1", with: "2031-Q1") }), .outsideCycle, "/items/3/quarter"),
        (plan(good.map { $0.replacingOccurrences(of: "{course: intro, quarter: 2027-Q1}", with: "{course: intro, quarter: 2028-Q1}") }),
         .prerequisiteOrder, "/items/3/course"),
        (plan(good.map { $0.replacingOccurrences(of: "{course: doc-1, quarter: 2027-Q2}", with: "{course: doc-1, quarter: 2028-Q1}") }),
         .entryLevel, "/items/3"),
        (plan(Array(good.dropLast())), .creditsShort, "/items"),
        (plan(good.filter { !$0.contains("ethics") }), .categoryMinimum, "/items"),
        (plan(good.map { $0.replacingOccurrences(of: "2028-Q1", with: "2027-Q3") }), .hoursBudget, "/items/3"),
        (plan(good.map { $0.replacingOccurrences(of: "2028-Q1", with: "2027-Q3") }), .moneyBudget, "/items/3"),
        (plan(good, therapist: "anna"), .unknownTherapist, "/therapist"),
        (plan(good, cycleEnd: "2030-06-30"), .cycleMismatch, "/cycleStart"),
    ] as [(String, PlanFinding, String)])
    func mistakes(plan: String, finding: PlanFinding, pointer: String) throws {
        let findings = try Self.audit(plan)
        let match = try #require(findings.first { $0.code == finding.rawValue }, "\(findings.map(\.message))")
        #expect(match.pointer == pointer)
        #expect(match.location?.file == "plan.yaml")
    }

    @Test("a course already completed is noted; completed prerequisites and in-cycle credits count")
    func completed() throws {
        let done = Self.therapist.replacingOccurrences(of: "budget:", with: """
            completed:
              - {course: intro, date: 2026-03-01, credits: 10, category: cmte}
              - {title: Old course, date: 2020-01-01, credits: 50, category: cmte}
            budget:
            """)
        let plan = Self.plan(Self.good)
        let workspace = try Fixture.workspace([("catalog.yaml", Self.catalog), ("requirements.yaml", Self.requirements),
                                               ("ana.yaml", done), ("plan.yaml", plan)])
        let findings = CheckEngine.check(workspace, today: .epoch).findings
        #expect(findings.map(\.code) == [PlanFinding.alreadyCompleted.rawValue])
        let withoutIntro = Self.plan(Self.good.filter { !$0.contains("intro") })
        let second = try Fixture.workspace([("catalog.yaml", Self.catalog), ("requirements.yaml", Self.requirements),
                                            ("ana.yaml", done), ("plan.yaml", withoutIntro)])
        // intro was completed in the cycle: its prerequisite role and its 10 credits both count; the 2020 course does not.
        #expect(CheckEngine.check(second, today: .epoch).findings.isEmpty)
    }

    @Test("sums that miss a limit only by rounding meet it, as the planner judges them (0.7 + 0.1 credits, 0.1 + 0.2 hours)")
    func rounding() throws {
        let catalog = """
            apiVersion: tacet/v1
            kind: Catalog
            metadata: {name: c}
            courses:
              - {id: a, title: A, provider: P, credits: 0.7, category: ethics, hours: 0.1, cost: 0.1, format: online}
              - {id: b, title: B, provider: P, credits: 0.1, category: ethics, hours: 0.2, cost: 0.2, format: online}

            """
        let requirements = Self.requirements.replacingOccurrences(of: "totalCredits: 100", with: "totalCredits: 0.8")
            .replacingOccurrences(of: "{category: ethics, credits: 3}", with: "{category: ethics, credits: 0.8}")
        let therapist = Self.therapist.replacingOccurrences(of: "{hoursPerYear: 25, moneyPerYear: 250}", with: "{hoursPerYear: 0.3, moneyPerYear: 0.3}")
        // In floating point these sums fall just short of (0.7 + 0.1) or just over (0.1 + 0.2) the limits.
        #expect(0.7 + 0.1 < 0.8 && 0.1 + 0.2 > 0.3)
        let plan = Self.plan(["{course: a, quarter: 2027-Q1}", "{course: b, quarter: 2027-Q2}"])
        let workspace = try Fixture.workspace([("catalog.yaml", catalog), ("requirements.yaml", requirements),
                                               ("ana.yaml", therapist), ("plan.yaml", plan)])
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        let findings = CheckEngine.check(workspace, today: .epoch).findings
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        // The planner takes the same two courses.
        let catalogs = workspace.documents.compactMap { if case .catalog(let c) = $0.document { c } else { nil } }
        let rules = try #require(workspace.documents.compactMap { if case .requirements(let r) = $0.document { r } else { nil } }.first)
        let ana = try #require(workspace.documents.compactMap { if case .therapist(let t) = $0.document { t } else { nil } }.first)
        let problem = try #require(PlanningProblem(therapist: ana, catalogs: catalogs, requirements: rules, gaps: [],
                                                   today: CalendarDate(year: 2027, month: 1, day: 1) ?? .epoch))
        guard case .plan(let planned) = Planner(problem).solve() else {
            Issue.record("expected a plan")
            return
        }
        #expect(Set(planned.items.map(\.course.id)) == ["a", "b"])
    }

    @Test("a credential no Requirements document covers is reported")
    func noRequirements() throws {
        let workspace = try Fixture.workspace([("catalog.yaml", Self.catalog), ("ana.yaml", Self.therapist), ("plan.yaml", Self.plan(Self.good))])
        let findings = CheckEngine.check(workspace, today: .epoch).findings
        #expect(findings.map(\.code) == [PlanFinding.noRequirements.rawValue])
    }
}
