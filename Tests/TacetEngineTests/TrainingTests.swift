import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine
import TacetPlanning

/// Training a policy requires: when it lapses, the workflow check, the plan audit and the planner's renewals.
@Suite("Required training")
struct TrainingTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text) ?? .epoch }

    @Test("adding months keeps the day, or the month's last day when the month is shorter")
    func addingMonths() {
        #expect(Self.date("2025-03-10").adding(months: 24) == Self.date("2027-03-10"))
        #expect(Self.date("2024-01-31").adding(months: 1) == Self.date("2024-02-29"))
        #expect(Self.date("2023-01-31").adding(months: 1) == Self.date("2023-02-28"))
        #expect(Self.date("2025-11-15").adding(months: 3) == Self.date("2026-02-15"))
        // Far outside the calendar, the date stays a date.
        #expect(Self.date("9999-06-01").adding(months: Int.max) == Self.date("9999-12-01"))
        #expect(Self.date("0001-06-01").adding(months: Int.min) == Self.date("0001-01-01"))
    }

    @Test("the first day training is not current, counting completions and planned quarters")
    func timeline() {
        let from = Self.date("2026-11-21"), through = Self.date("2029-06-30")
        func lapse(_ completions: [String], _ planned: [String], _ months: Int? = 24) -> String? {
            TrainingTimeline(completions: completions.map(Self.date), planned: planned.compactMap(Quarter.init),
                             renewalMonths: months).firstLapse(from: from, through: through)?.description
        }
        #expect(lapse([], []) == "2026-11-21")                                   // never held
        #expect(lapse(["2025-03-10"], []) == "2027-03-10")                       // lapses, no renewal
        #expect(lapse(["2025-03-10"], ["2026-Q4"]) == "2028-10-01")              // renewed; the renewal lapses too
        #expect(lapse(["2025-03-10"], ["2026-Q4", "2028-Q3"]) == nil)            // kept current to the end
        #expect(lapse(["2025-03-10"], ["2027-Q1"]) == "2027-03-10")              // renewed in the lapse quarter: maybe after it
        #expect(lapse(["2025-03-10"], ["2027-Q2", "2029-Q1"]) == "2027-03-10")   // renewed a quarter late
        #expect(lapse(["2020-01-01"], [], nil) == nil)                           // does not lapse
        #expect(lapse([], ["2026-Q4", "2028-Q3"]) == nil)                        // first taken this quarter
        #expect(lapse([], ["2026-Q4", "2028-Q4"]) == "2028-10-01")               // 2028-Q4 may be after 1 October
    }

    static let catalog = """
        apiVersion: tacet/v1
        kind: Catalog
        metadata: {name: c}
        courses:
          - {id: ai-basics, title: AI basics, provider: P, credits: 4, category: x, hours: 3, cost: 80, format: online, renewalMonths: 24}

        """

    /// The fixture policy with `training` added to task `notes`.
    static let policy = Fixture.policy.replacingOccurrences(of: """
              data: [none, deidentified, phi]
            cite: [src]
          - id: research
        """, with: """
              data: [none, deidentified, phi]
              training: [ai-basics]
            cite: [src]
          - id: research
        """)

    static func check(performer completed: String?, step: String = Fixture.goodStep, withCatalog: Bool = true,
                      today: String = "2026-11-21") throws -> CheckReport {
        let ana = Fixture.therapist("ana") + (completed.map { "completed:\n  - {course: ai-basics, date: \($0), credits: 4, category: x}\n" } ?? "")
        var files = [("policy.yaml", policy), ("wf.yaml", Fixture.workflow(step)), ("ana.yaml", ana), ("ben.yaml", Fixture.therapist("ben"))]
        if withCatalog { files.append(("catalog.yaml", catalog)) }
        let workspace = try Fixture.workspace(files)
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        return CheckEngine.check(workspace, today: Self.date(today))
    }

    @Test("the performer needs the training, current on the day checked; the finding is at the performer")
    func workflowCheck() throws {
        #expect(try Self.check(performer: "2025-06-01").findings.isEmpty)
        let lapsed = try Self.check(performer: "2024-06-01").findings
        #expect(lapsed.map(\.code) == [Requirement.training.rawValue])
        #expect(lapsed.first?.message.contains("lapsed on 2026-06-01") == true)
        #expect(lapsed.first?.pointer == "/steps/0/performer")
        #expect(lapsed.first?.location?.file == "wf.yaml")
        let missing = try Self.check(performer: nil).findings
        #expect(missing.first?.message.contains("has not completed 'ai-basics'") == true)
        // The day it lapses no longer counts; the day before does.
        #expect(try Self.check(performer: "2024-11-21").findings.map(\.code) == [Requirement.training.rawValue])
        #expect(try Self.check(performer: "2024-11-22").findings.isEmpty)
        // A completion dated after the day checked does not count yet.
        #expect(try Self.check(performer: "2027-01-01").findings.map(\.code) == [Requirement.training.rawValue])
    }

    @Test("without the catalog, Tacet says it cannot tell; without AI, or for the reviewer, nothing is required")
    func limits() throws {
        let unknown = try Self.check(performer: "2025-06-01", withCatalog: false).findings
        #expect(unknown.map(\.code) == [Requirement.training.rawValue])
        #expect(unknown.first?.message.contains("cannot tell whether") == true)
        let humanOnly = Fixture.goodStep.replacingOccurrences(of: "ai: ai-drafted", with: "ai: human-only")
        #expect(try Self.check(performer: nil, step: humanOnly).findings.isEmpty)
        // Ben reviews and holds no training: only the performer needs it.
        #expect(try Self.check(performer: "2025-06-01").findings.isEmpty)
    }

    @Test("a layer that drops a training requirement loosens the policy")
    func layering() throws {
        let layer = """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: team}
            extends: [base]
            tasks:
              - id: notes
                title: Notes
                area: documentation
                maxAI: ai-drafted
                requires:
                  review: {role: therapist, area: documentation, minLevel: developing}
                  consent: true
                  disclosure: true
                  data: [none, deidentified, phi]
                  training: []
                cite: [src]

            """
        let (_, diagnostics) = PolicyResolver.resolve(try Fixture.workspace([("policy.yaml", Self.policy), ("team.yaml", layer)]).documents)
        let loosens = diagnostics.filter { $0.code == PolicyErrorCode.loosens.rawValue }
        #expect(loosens.map(\.message) == ["drops the training requirement 'ai-basics' of 'notes'"])
        #expect(loosens.first?.location?.file == "team.yaml")
        // A layer that states no training inherits the base's; one that states a list keeps the base's courses in it.
        let kept = layer.replacingOccurrences(of: "      training: []\n", with: "      training: [ai-basics]\n")
        let inherited = layer.replacingOccurrences(of: "      training: []\n", with: "")
        #expect(PolicyResolver.resolve(try Fixture.workspace([("policy.yaml", Self.policy), ("team.yaml", inherited)]).documents).1.isEmpty)
        #expect(PolicyResolver.resolve(try Fixture.workspace([("policy.yaml", Self.policy), ("team.yaml", kept)]).documents).1.isEmpty)
    }

    // MARK: - Plan audit and planner

    static let requirements = """
        apiVersion: tacet/v1
        kind: Requirements
        metadata: {name: r}
        body: Board
        credential: MT-BC
        cycleYears: 5
        totalCredits: 10
        minutesPerCredit: 50
        categories: [x]

        """

    /// Ana performs the step; her cycle runs 2024 to 2028; she completed the training on `completed`.
    static func audit(_ items: [String], completed: String = "2025-03-10", repeatsEarnCredits: Bool = false,
                      hoursPerYear: Int = 20) throws -> [Diagnostic] {
        let ana = Fixture.therapist("ana") + "completed:\n  - {course: ai-basics, date: \(completed), credits: 4, category: x}\n"
            + "  - {title: Earlier, date: 2024-05-01, credits: 6, category: x}\n"
            + "budget: {hoursPerYear: \(hoursPerYear), moneyPerYear: 1000}\n"
        let plan = "apiVersion: tacet/v1\nkind: LearningPlan\nmetadata: {name: p}\ntherapist: ana\ncycleStart: 2024-01-01\n"
            + "cycleEnd: 2028-12-31\nitems:" + (items.isEmpty ? " []\n" : "\n" + items.map { "  - \($0)\n" }.joined())
        let rules = Self.requirements + (repeatsEarnCredits ? "repeatsEarnCredits: true\n" : "")
        let workspace = try Fixture.workspace([("policy.yaml", policy), ("wf.yaml", Fixture.workflow(Fixture.goodStep)), ("ana.yaml", ana),
                                               ("ben.yaml", Fixture.therapist("ben")), ("catalog.yaml", catalog), ("r.yaml", rules),
                                               ("plan.yaml", plan)])
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        return CheckEngine.check(workspace, today: Self.date("2026-11-21")).findings.filter { $0.code.hasPrefix("plan.") }
    }

    @Test("the audit wants training current to the cycle's end: renewed in time, not late, not missing")
    func audit() throws {
        // Completed 2025-03-10: lapses 2027-03-10; renewed 2026-Q4, which lapses 2028-10-01, and 2028-Q3, past the cycle.
        #expect(try Self.audit(["{course: ai-basics, quarter: 2026-Q4}", "{course: ai-basics, quarter: 2028-Q3}"]).isEmpty)
        // In the quarter it lapses in, a renewal may come after the lapse: late (the reviewer's "2028-Q1 renews ... before
        // it lapses on 2028-01-01").
        let lapseQuarter = try Self.audit(["{course: ai-basics, quarter: 2027-Q1}", "{course: ai-basics, quarter: 2028-Q3}"])
        #expect(lapseQuarter.map(\.code) == [PlanFinding.trainingLapse.rawValue])
        #expect(lapseQuarter.first?.message.contains("lapses on 2027-03-10") == true)
        #expect(lapseQuarter.first?.message.contains("the plan takes it only in 2027-Q1") == true)
        let none = try Self.audit([])
        #expect(none.map(\.code) == [PlanFinding.trainingLapse.rawValue])
        #expect(none.first?.pointer == "/items")
        #expect(none.first?.message.contains("'ai-basics' lapses on 2027-03-10") == true)
        #expect(none.first?.hint?.contains("2026-Q4 or earlier") == true)
        let late = try Self.audit(["{course: ai-basics, quarter: 2027-Q2}"])
        #expect(late.map(\.code) == [PlanFinding.trainingLapse.rawValue])
        #expect(late.first?.pointer == "/items/0/quarter")
        #expect(late.first?.message.contains("the plan takes it only in 2027-Q2") == true)
        // Already lapsed: the renewal belongs in the current quarter.
        // Already lapsed: renewed this quarter (2026-Q4), and again once that renewal lapses (2028-10-01, inside the cycle).
        #expect(try Self.audit(["{course: ai-basics, quarter: 2026-Q4}"], completed: "2024-01-10").map(\.message)
                    .contains { $0.contains("lapses on 2028-10-01") })
        #expect(try Self.audit(["{course: ai-basics, quarter: 2026-Q4}", "{course: ai-basics, quarter: 2028-Q3}"],
                               completed: "2024-01-10").isEmpty)
        #expect(try Self.audit(["{course: ai-basics, quarter: 2027-Q1}"], completed: "2024-01-10").map(\.code)
                    == [PlanFinding.trainingLapse.rawValue])
    }

    @Test("a renewal is a repeat, not a mistake: it costs hours but earns credits only where repeats do")
    func repeats() throws {
        // Not a duplicate nor 'already completed'; with 6 + 4 credits earned the cycle's 10 are met either way.
        let kept = ["{course: ai-basics, quarter: 2026-Q4}", "{course: ai-basics, quarter: 2028-Q3}"]
        #expect(try Self.audit(kept).isEmpty)
        // Its hours count toward each year's budget.
        #expect(try Self.audit(kept, hoursPerYear: 2).map(\.code) == [PlanFinding.hoursBudget.rawValue, PlanFinding.hoursBudget.rawValue])
        // Credits: the earlier completion's 4 count once; a repeat adds none unless repeats earn credits.
        // Completed before the cycle: only the 6 credits of 2024 count, and the two renewals add none...
        let renewals = ["{course: ai-basics, quarter: 2026-Q4}", "{course: ai-basics, quarter: 2028-Q3}"]
        let short = try Self.audit(renewals, completed: "2023-06-01")
        #expect(short.map(\.code) == [PlanFinding.creditsShort.rawValue], "\(short.map(\.message))")
        // ...unless the Requirements say repeats earn credits: 6 + 4 + 4.
        #expect(try Self.audit(renewals, completed: "2023-06-01", repeatsEarnCredits: true).isEmpty)
    }

    static func problem(completed: [String], budget hours: Int? = nil, prerequisites: String = "[]") -> PlanningProblem {
        let catalog = """
            apiVersion: tacet/v1
            kind: Catalog
            metadata: {name: c}
            courses:
              - {id: ai-basics, title: AI, provider: P, credits: 4, category: x, hours: 3, cost: 80, format: online, renewalMonths: 24, prerequisites: \(prerequisites)}
              - {id: filler, title: F, provider: P, credits: 10, category: x, hours: 8, cost: 100, format: online}
              - {id: ai-advanced, title: AI+, provider: P, credits: 10, category: x, hours: 8, cost: 90, format: online, prerequisites: [ai-basics]}

            """
        let ana = """
            apiVersion: tacet/v1
            kind: Therapist
            metadata: {name: ana}
            name: Ana
            role: music-therapist
            credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
            levels: {documentation: developing}
            completed: [\(completed.map { "{course: ai-basics, date: \($0), credits: 4, category: x}" }.joined(separator: ", "))]
            budget: {hoursPerYear: \(hours ?? 1000), moneyPerYear: 10000}

            """
        let documents = (try? Fixture.workspace([("c.yaml", catalog), ("ana.yaml", ana), ("r.yaml", requirements)]).documents) ?? []
        guard case .catalog(let parsed)? = documents.first?.document, case .therapist(let therapist)? = documents.dropFirst().first?.document,
              case .requirements(let rules)? = documents.last?.document else {
            Issue.record("fixtures did not decode")
            return PlanningProblem(courses: [], levels: [:], gaps: [], credits: 0, earned: [:], total: 0, minimums: [], caps: [:],
                                   completed: [], quarters: [], hoursPerYear: nil, moneyPerYear: nil)
        }
        let problem = PlanningProblem(therapist: therapist, catalogs: [parsed], requirements: rules, gaps: [],
                                      trainings: [TrainingNeed(course: "ai-basics", reasons: ["to perform step 's1'"])], today: date("2026-11-21"))
        #expect(problem != nil, "the fixture therapist has a credential")
        return problem ?? PlanningProblem(courses: [], levels: [:], gaps: [], credits: 0, earned: [:], total: 0, minimums: [], caps: [:],
                                          completed: [], quarters: [], hoursPerYear: nil, moneyPerYear: nil)
    }

    @Test("the planner pins each renewal in the last quarter that ends by the lapse, and a first take in the first quarter")
    func planner() throws {
        guard case .plan(let renewing) = Planner(Self.problem(completed: ["2025-03-10"])).solve() else {
            Issue.record("expected a plan")
            return
        }
        let renewals = renewing.items.filter { $0.course.id == "ai-basics" }
        // Lapsing on 2027-03-10: renewed in the quarter that ends before (2026-Q4, the first), not in 2027-Q1, where it
        // could be taken after the 10th; that renewal lapses 24 months after 2026-Q4 starts, on 2028-10-01: again in 2028-Q3.
        #expect(renewals.map(\.quarter.description) == ["2026-Q4", "2028-Q3"])
        #expect(renewals.first?.reasons.first?.hasPrefix("renews 'ai-basics' before it lapses on 2027-03-10 (completed 2025-03-10") == true)
        // The renewal earns no credits: 4 earned in the cycle, so 6 more are bought (the cheapest 10-credit course).
        #expect(renewing.items.map(\.course.id).sorted() == ["ai-advanced", "ai-basics", "ai-basics"])
        #expect(renewing.cost == 250)
        guard case .plan(let first) = Planner(Self.problem(completed: [])).solve() else {
            Issue.record("expected a plan")
            return
        }
        // Never held: taken now (2026-Q4), renewed in the quarter that ends by 24 months after that quarter starts; the course needing it comes later.
        #expect(first.items.filter { $0.course.id == "ai-basics" }.map(\.quarter.description) == ["2026-Q4", "2028-Q3"])
        let advanced = try #require(first.items.first { $0.course.id == "ai-advanced" })
        #expect(advanced.quarter > (Quarter("2026-Q4") ?? advanced.quarter))
    }

    @Test("when required training cannot be kept current, the planner says why")
    func infeasible() {
        guard case .infeasible(let budget) = Planner(Self.problem(completed: [], budget: 2)).solve() else {
            Issue.record("expected no plan")
            return
        }
        #expect(budget.contains { $0.hasPrefix("hours in 2026: the required training alone takes 3 of the 2 a year allows") }, "\(budget)")
        guard case .infeasible(let order) = Planner(Self.problem(completed: [], prerequisites: "[filler]")).solve() else {
            Issue.record("expected no plan")
            return
        }
        #expect(order == ["required training: ai-basics: needed now (to perform step 's1'), but it needs 'filler' first"])
    }
}
