import Testing
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPlanning

/// Planner realism (issue 18): courses whose every outcome the therapist already holds are left out of
/// the problem unless allowed, and a completed course's category is one the Requirements list.
@Suite("Courses below the therapist's level")
struct BelowLevelPlanningTests {
    /// Total credits 10, at least 3 in ethics.
    static func requirements(total: Int = 10) -> String {
        """
        apiVersion: tacet/v1
        kind: Requirements
        metadata: {name: r}
        body: Board
        credential: MT-BC
        cycleYears: 5
        totalCredits: \(total)
        minutesPerCredit: 50
        categories: [cmte, ethics]
        minimums: [{category: ethics, credits: 3}]

        """
    }

    /// Ana is proficient in assessment and advanced in professional practice, and has no level in musicianship.
    static let catalog = """
        apiVersion: tacet/v1
        kind: Catalog
        metadata: {name: c}
        courses:
          - {id: assessment-basics, title: A, provider: P, credits: 5, category: cmte, hours: 4, cost: 10, format: online,
             outcomes: [{area: assessment, level: emerging}]}
          - {id: assessment-proficient, title: B, provider: P, credits: 5, category: cmte, hours: 4, cost: 300, format: online,
             outcomes: [{area: assessment, level: proficient, entry: developing}, {area: documentation, level: developing}]}
          - {id: assessment-advanced, title: C, provider: P, credits: 5, category: cmte, hours: 4, cost: 100, format: online,
             outcomes: [{area: assessment, level: advanced, entry: proficient}]}
          - {id: ethics-basics, title: D, provider: P, credits: 3, category: ethics, hours: 3, cost: 20, format: online,
             outcomes: [{area: professional-practice, level: emerging}]}
          - {id: no-outcome, title: E, provider: P, credits: 2, category: cmte, hours: 2, cost: 5, format: online}
          - {id: new-area, title: F, provider: P, credits: 5, category: cmte, hours: 4, cost: 15, format: online,
             outcomes: [{area: musicianship, level: emerging}]}

        """

    static func therapist(completed: String = "[]") -> String {
        """
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {name: ana}
        name: Ana
        role: music-therapist
        credential: {name: MT-BC, cycleStart: 2026-01-01, cycleEnd: 2030-12-31}
        levels: {assessment: proficient, documentation: emerging, professional-practice: advanced}
        completed: \(completed)

        """
    }

    static func problem(total: Int = 10, allowing: Bool = false, trainings: [TrainingNeed] = []) throws -> PlanningProblem {
        let workspace = try Fixture.workspace([("c.yaml", catalog), ("r.yaml", requirements(total: total)), ("ana.yaml", therapist())])
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        let catalogs = workspace.documents.compactMap { if case .catalog(let c) = $0.document { c } else { nil } }
        let rules = try #require(workspace.documents.compactMap { if case .requirements(let r) = $0.document { r } else { nil } }.first)
        let ana = try #require(workspace.documents.compactMap { if case .therapist(let t) = $0.document { t } else { nil } }.first)
        return try #require(PlanningProblem(therapist: ana, catalogs: catalogs, requirements: rules, gaps: [], trainings: trainings,
                                            today: CalendarDate(year: 2027, month: 1, day: 1) ?? .epoch, allowingBelowLevel: allowing))
    }

    @Test("a course whose every outcome is at or below the therapist's level is left out; minimum, no-outcome and new-area courses stay")
    func eligibility() throws {
        let problem = try Self.problem()
        // assessment-proficient also brings documentation to developing, above Ana's emerging: it stays.
        #expect(problem.courses.map(\.id) == ["assessment-proficient", "assessment-advanced", "ethics-basics", "no-outcome", "new-area"])
        #expect(problem.belowLevel.map(\.id) == ["assessment-basics"])
        // ethics-basics is below her level too, but counts toward the ethics minimum.
        let ethics = try #require(problem.courses.first { $0.id == "ethics-basics" })
        #expect(problem.isBelowLevel(ethics) && problem.countsTowardMinimum(ethics))
        let allowing = try Self.problem(allowing: true)
        #expect(allowing.courses.count == 6 && allowing.belowLevel.isEmpty)
    }

    @Test("the plan uses a course below level only when allowed, and says which it left out")
    func planning() throws {
        guard case .plan(let plan) = Planner(try Self.problem()).solve() else {
            Issue.record("expected a plan")
            return
        }
        // Ethics (3) + no-outcome (2) + new-area (5): 40, not the 10 of assessment-basics.
        #expect(plan.items.map(\.course.id).sorted() == ["ethics-basics", "new-area", "no-outcome"])
        #expect(plan.cost == 40 && plan.belowLevel == ["assessment-basics"])
        guard case .plan(let allowed) = Planner(try Self.problem(allowing: true)).solve() else {
            Issue.record("expected a plan")
            return
        }
        #expect(allowed.items.map(\.course.id).sorted() == ["assessment-basics", "ethics-basics", "no-outcome"])
        #expect(allowed.cost == 35 && allowed.belowLevel.isEmpty)
    }

    @Test("required training is pinned even when it is below the therapist's level")
    func pinnedTraining() throws {
        let problem = try Self.problem(trainings: [TrainingNeed(course: "assessment-basics", reasons: ["to perform step 's1'"])])
        #expect(problem.pinned.map(\.course.id) == ["assessment-basics"])
        #expect(problem.belowLevel.isEmpty && !problem.courses.contains { $0.id == "assessment-basics" })
        // Its first take's 5 credits are earned as far as the planner counts: 5 more make the 10.
        #expect(problem.earned["cmte"] == 5 && problem.credits == 5)
        guard case .plan(let plan) = Planner(problem).solve() else {
            Issue.record("expected a plan")
            return
        }
        // Ethics (3, the minimum) and no-outcome (2): not the 10 credits a planner blind to the pinned credits would buy.
        #expect(plan.items.map(\.course.id).sorted() == ["assessment-basics", "ethics-basics", "no-outcome"], "\(plan.items.map(\.course.id))")
    }

    @Test("a course below level toward a minimum stays eligible only while the minimum is unmet")
    func metMinimum() throws {
        let ana = Self.therapist(completed: "[{title: Ethics, date: 2027-02-01, credits: 3, category: ethics}]")
        let workspace = try Fixture.workspace([("c.yaml", Self.catalog), ("r.yaml", Self.requirements()), ("ana.yaml", ana)])
        let catalogs = workspace.documents.compactMap { if case .catalog(let c) = $0.document { c } else { nil } }
        let rules = try #require(workspace.documents.compactMap { if case .requirements(let r) = $0.document { r } else { nil } }.first)
        let therapist = try #require(workspace.documents.compactMap { if case .therapist(let t) = $0.document { t } else { nil } }.first)
        let problem = try #require(PlanningProblem(therapist: therapist, catalogs: catalogs, requirements: rules, gaps: [],
                                                   today: CalendarDate(year: 2027, month: 3, day: 1) ?? .epoch))
        #expect(problem.belowLevel.map(\.id) == ["assessment-basics", "ethics-basics"])
    }

    @Test("when only the courses left out would make a plan, the diagnosis says so and names them")
    func diagnosis() throws {
        // 20 credits: the eligible courses offer 5 + 5 + 3 + 2 + 5 = 20 only with the 300 one; drop it to be short.
        var problem = try Self.problem(total: 20)
        problem.courses.removeAll { $0.id == "assessment-proficient" }
        guard case .infeasible(let reasons) = Planner(problem).solve() else {
            Issue.record("expected no plan")
            return
        }
        #expect(reasons.first == "credits: the catalog offers at most 15 of the 20 credits the cycle needs (earned ones included); 5 short")
        #expect(reasons.count == 2)
        #expect(reasons.last?.hasPrefix("courses below the therapist's level: the planner leaves out 1 course whose every outcome "
                                        + "the therapist already holds; with 'assessment-basics' a plan exists (150 in cost, 17 hours)") == true,
                "\(reasons)")
        #expect(reasons.last?.hasSuffix("--allow-below-level plans them") == true)
        // Where they would not help, nothing is said of them: 30 credits are out of reach either way.
        var far = try Self.problem(total: 30)
        far.courses.removeAll { $0.id == "assessment-proficient" }
        guard case .infeasible(let farReasons) = Planner(far).solve() else {
            Issue.record("expected no plan")
            return
        }
        #expect(farReasons.count == 1 && farReasons.first?.hasPrefix("credits:") == true, "\(farReasons)")
    }

    @Test("a completed course in a category the Requirements do not list is an input error at its category")
    func unknownCategory() throws {
        let ana = Self.therapist(completed: "\n  - {title: Oncology, date: 2027-02-01, credits: 10, category: etics}\n"
                                     + "  - {title: Other, date: 2027-02-01, credits: 1, category: cmte}\n")
        let workspace = try Fixture.workspace([("c.yaml", Self.catalog), ("r.yaml", Self.requirements()), ("ana.yaml", ana)])
        let report = CheckEngine.check(workspace, today: CalendarDate(year: 2027, month: 3, day: 1) ?? .epoch)
        let problem = try #require(report.problems.first { $0.code == DocumentErrorCode.unknownCategory.rawValue })
        #expect(report.problems.filter { $0.code == DocumentErrorCode.unknownCategory.rawValue }.count == 1)
        #expect(report.inputInvalid && problem.severity == .error)
        #expect(problem.message == "Ana's completed course \"Oncology\" is in credit category 'etics', which the MT-BC Requirements (r) do not list")
        #expect(problem.pointer == "/completed/0/category")
        // Line 9 of ana.yaml: "  - {title: Oncology, date: 2027-02-01, credits: 10, category: etics}", the value at column 64.
        #expect(problem.location?.line == 9 && problem.location?.column == 64, "\(String(describing: problem.location))")
        #expect(problem.hint == "did you mean 'ethics'? the categories: cmte, ethics")
    }
}
