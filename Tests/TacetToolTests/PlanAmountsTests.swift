import Foundation
import Testing
import TacetDocuments
import TacetTestSupport
import TacetTool

/// The audit and the planner agree (issue 19, item 3), from the user's side: sums of decimal amounts
/// that meet a limit exactly pass both, amounts print without floating-point noise, the audit checks the
/// therapist's targets, and a quarter that runs past the cycle's end counts for neither.
@Suite("Plan amounts, targets and the cycle's last quarter", .serialized)
struct PlanAmountsTests {
    static let today = CalendarDate(year: 2027, month: 1, day: 1)!

    /// Courses whose credits, hours and cost add up, in floating point, to a hair off the limits below:
    /// 90.1 + 0.1 + 9.8 credits is 99.99999999999999, 6.67 + 3.45 hours is 10.120000000000001, and
    /// 1.42 + 42.34 + 2.77 is 46.53000000000001.
    static let catalog = """
        apiVersion: tacet/v1
        kind: Catalog
        metadata: {name: decimals}
        currency: USD
        courses:
          - {id: tiny, title: Tiny, provider: P, credits: 0.1, category: cmte, hours: 6.67, cost: 1.42, format: online}
          - {id: ethics-a, title: Ethics A, provider: P, credits: 9.8, category: ethics, hours: 3.45, cost: 42.34, format: online}
          - {id: docs, title: Docs, provider: P, credits: 0, category: cmte, hours: 0, cost: 2.77, format: online,
             outcomes: [{area: documentation, level: developing}]}

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

    /// A therapist with 90.1 credits earned and budgets of exactly what the three courses take.
    static func therapist(_ id: String, cycleEnd: String = "2027-12-31") -> String {
        """
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {name: \(id)}
        name: \(id.capitalized)
        role: music-therapist
        credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: \(cycleEnd)}
        levels: {documentation: emerging}
        targets: {documentation: developing}
        completed:
          - {title: Earlier course, date: 2024-05-01, credits: 90.1, category: cmte}
        budget: {hoursPerYear: 10.12, moneyPerYear: 46.53}

        """
    }

    static func plan(_ therapist: String, cycleEnd: String = "2027-12-31", _ items: [String]) -> String {
        "apiVersion: tacet/v1\nkind: LearningPlan\nmetadata: {name: \(therapist)-hand}\ntherapist: \(therapist)\ncycleStart: 2024-01-01\n"
            + "cycleEnd: \(cycleEnd)\nitems:\n" + items.map { "  - \($0)\n" }.joined()
    }

    @Test("earned 90.1 + planned 0.1 + 9.8 credits meet 100, and 6.67 + 3.45 hours a 10.12-hour budget: the plan `plan` writes passes `check`")
    func exactLimits() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("catalog.yaml", Self.catalog)
        try directory.write("requirements.yaml", Self.requirements)
        try directory.write("ana.yaml", Self.therapist("ana"))
        let plan = PlanCommand.run(therapists: ["ana"], team: nil, paths: [directory.path], output: directory.path + "/plans",
                                   format: .text, today: Self.today)
        #expect(plan.status == .ok, "\(plan.output) \(plan.diagnostics.map(\.message))")
        #expect(plan.output.contains("  plan: 3 courses, 46.53 USD, 10.12 hours; 100 credits counted toward the cycle\n"), "\(plan.output)")
        let written = try String(contentsOfFile: directory.path + "/plans/ana-plan.yaml", encoding: .utf8)
        #expect(written.contains("# 3 courses: 46.53 in cost, 10.12 hours; 100 credits counted toward the cycle once done."), "\(written)")
        let check = await CheckCommand.run(paths: [directory.path], today: Self.today, plugins: nil)
        #expect(check.findings.map(\.message) == [])

        // A hand-written plan of the same courses in one year: no credits short, no budget over.
        try FileManager.default.removeItem(atPath: directory.path + "/plans/ana-plan.yaml")
        try directory.write("ana-plan.yaml", Self.plan("ana", ["{course: tiny, quarter: 2027-Q1}", "{course: ethics-a, quarter: 2027-Q2}",
                                                               "{course: docs, quarter: 2027-Q3}"]))
        let hand = await CheckCommand.run(paths: [directory.path], today: Self.today, plugins: nil)
        #expect(hand.findings.map(\.message) == [])
    }

    @Test("amounts print without floating-point noise: 1.42 + 42.34 + 2.77 is 46.53 in plan's JSON and text and in the report")
    func noNoise() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("catalog.yaml", Self.catalog)
        try directory.write("requirements.yaml", Self.requirements)
        try directory.write("ana.yaml", Self.therapist("ana"))
        let json = PlanCommand.run(therapists: ["ana"], team: nil, paths: [directory.path], output: nil, format: .json, today: Self.today)
        #expect(!json.output.contains("0000000"), "\(json.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(object.first?["cost"] as? Double == 46.53)
        #expect(object.first?["hours"] as? Double == 10.12)
        #expect(object.first?["credits"] as? Double == 100)
        let page = directory.path + "/report.html"
        #expect(await ReportCommand.run(paths: [directory.path], output: page, today: Self.today, plugins: nil, plan: true).status == .ok)
        let text = try CredentialsAndPlansTests.pageText(page)
        #expect(!text.contains("0000000"))
        #expect(!text.contains("9999999"))
        #expect(text.contains("90.10 credits earned before the plan, counted from the start against the 100 the cycle requires."), "\(text)")
        #expect(text.contains("100 of 100 (100%)"), "\(text)")
    }

    @Test("the audit checks the therapist's targets: a plan that leaves one short is an error")
    func targets() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("catalog.yaml", Self.catalog)
        try directory.write("requirements.yaml", Self.requirements)
        try directory.write("ana.yaml", Self.therapist("ana"))
        let plan = try directory.write("ana-plan.yaml", Self.plan("ana", ["{course: tiny, quarter: 2027-Q1}", "{course: ethics-a, quarter: 2027-Q2}"]))
        let check = await CheckCommand.run(paths: [directory.path], today: Self.today, plugins: nil)
        #expect(check.status == .findings)
        #expect(check.findings.map(\.message)
                == ["the plan leaves Ana's documentation at emerging; it must reach developing (target: documentation at developing)"])
        #expect(check.findings.first?.code == "plan.target-unreached")
        #expect(check.findings.first?.location?.file == plan)
        #expect(check.findings.first?.hint == "add a course that brings documentation to developing, after the courses it starts from")
    }

    @Test("a cycle ending 2027-10-01: the planner schedules nothing in 2027-Q4, and the audit rejects a course there")
    func lastQuarter() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("catalog.yaml", Self.catalog)
        try directory.write("requirements.yaml", Self.requirements)
        try directory.write("bo.yaml", Self.therapist("bo", cycleEnd: "2027-10-01"))
        let plan = PlanCommand.run(therapists: ["bo"], team: nil, paths: [directory.path], output: nil, format: .json, today: Self.today)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(plan.output.utf8)) as? [[String: Any]])
        let items = try #require(object.first?["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { ($0["quarter"] as? String).map { $0 <= "2027-Q3" } == true }, "\(items)")

        try directory.write("bo-plan.yaml", Self.plan("bo", cycleEnd: "2027-10-01", [
            "{course: tiny, quarter: 2027-Q1}", "{course: docs, quarter: 2027-Q2}", "{course: ethics-a, quarter: 2027-Q4}"]))
        let check = await CheckCommand.run(paths: [directory.path], today: Self.today, plugins: nil)
        let outside = try #require(check.findings.first { $0.code == "plan.outside-cycle" })
        #expect(outside.message == "2027-Q4 runs to 2027-12-31, past the cycle's end on 2027-10-01")
        #expect(outside.hint == "schedule it in 2027-Q3 or earlier: a course counts only in a quarter that ends within the cycle")
        #expect(outside.pointer == "/items/2/quarter")
        #expect(Set(check.findings.map(\.code)) == ["plan.outside-cycle", "plan.credits-short", "plan.category-minimum"])
    }
}
