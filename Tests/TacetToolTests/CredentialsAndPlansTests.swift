import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost
import TacetTestSupport
import TacetTool

/// Credentials and plans in plain words (issue 20, item 5): an ended credential cycle is a finding of
/// its own in `check`, `plan` and `report`; `plan` says why each course is in the plan; `report
/// --plan` plans whoever has no plan; the staff page holds no terminal instructions.
@Suite("Credentials and plans in plain words", .serialized)
struct CredentialsAndPlansTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!
    static let shipped = ["Policies", "Curricula"].map(Repository.path)

    /// Fay's profile: her MT-BC cycle ended in May, months before the day checked.
    static let fay = """
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {name: t-fay, team: adult-mh}
        name: Fay
        role: music-therapist
        credential: {name: MT-BC, cycleStart: 2021-06-01, cycleEnd: 2026-05-31}
        levels: {documentation: developing}
        budget: {hoursPerYear: 30, moneyPerYear: 1500}
        """

    static let ended = "Fay's MT-BC cycle ended 2026-05-31: update cycleStart/cycleEnd in t-fay.yaml"

    /// The text of an HTML page as a reader sees it: no style sheet, no tags, entities decoded, spaces collapsed.
    static func pageText(_ file: String) throws -> String {
        var html = try String(contentsOfFile: file, encoding: .utf8)
        if let style = html.range(of: "<style>"), let end = html.range(of: "</style>") { html.removeSubrange(style.lowerBound..<end.upperBound) }
        let text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    @Test("an ended credential cycle is one finding at the profile's cycleEnd in check, plan and report, not '0 quarters left'")
    func endedCycle() async throws {
        let directory = try TemporaryDirectory()
        let profile = try directory.write("t-fay.yaml", Self.fay)
        let paths = Self.shipped + [directory.path]

        let check = await CheckCommand.run(paths: paths, today: Self.today, plugins: nil)
        #expect(check.status == .findings)
        #expect(check.findings.map(\.message) == [Self.ended])
        #expect(check.findings.first?.code == "plan.cycle-ended")
        #expect(check.findings.first?.location == SourceLocation(file: profile, line: 6, column: 61))

        let plan = PlanCommand.run(therapists: ["t-fay"], team: nil, paths: paths, output: nil, format: .text, today: Self.today)
        #expect(plan.status == .findings)
        #expect(plan.output == "t-fay (Fay): not planned: \(Self.ended)\n")
        #expect(plan.diagnostics.map(\.message) == [Self.ended])
        #expect(!plan.output.contains("quarters left"))

        let page = directory.path + "/report.html"
        let report = await ReportCommand.run(paths: paths, output: page, today: Self.today, plugins: nil, plan: true)
        #expect(report.status == .ok)
        let text = try Self.pageText(page)
        #expect(text.contains(" \(Self.ended) "))
        #expect(text.contains("No learning plan among the documents checked. No plan could be made: \(Self.ended). "))

        // Her plan for the cycle that ended is not audited for credits short of it: the profile's finding says what to do.
        try directory.write("t-fay-plan.yaml", """
            apiVersion: tacet/v1
            kind: LearningPlan
            metadata: {name: t-fay-plan}
            therapist: t-fay
            cycleStart: 2021-06-01
            cycleEnd: 2026-05-31
            items:
              - {course: ethics-cultural-humility, quarter: 2025-Q1, reasons: [ethics minimum]}
            """)
        let audited = await CheckCommand.run(paths: paths, today: Self.today, plugins: nil)
        #expect(audited.findings.map(\.code) == ["plan.cycle-ended"])
    }

    @Test("an intern's profile needs no credential: check has nothing to say, plan and report plan nothing, a plan for them is a finding")
    func internWithoutCredential() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("t-ivy.yaml", """
            apiVersion: tacet/v1
            kind: Therapist
            metadata: {name: t-ivy, team: adult-mh}
            name: Ivy
            role: intern
            levels: {documentation: developing}
            """)
        let paths = Self.shipped + [directory.path]

        let check = await CheckCommand.run(paths: paths, today: Self.today, plugins: nil)
        #expect(check.status == .ok, "\(check.findings.map(\.message))")

        let plan = PlanCommand.run(therapists: ["t-ivy"], team: nil, paths: paths, output: nil, format: .text, today: Self.today)
        #expect(plan.status == .ok)
        #expect(plan.output == "t-ivy (Ivy): not planned: no credential with a cycle (role intern); continuing education is planned "
                + "once the profile states one\n")

        let page = directory.path + "/report.html"
        let report = await ReportCommand.run(paths: paths, output: page, today: Self.today, plugins: nil, plan: true)
        #expect(report.status == .ok)
        #expect(try Self.pageText(page).contains(" No credential with a cycle yet (intern): no continuing education to plan. "))

        let written = try directory.write("t-ivy-plan.yaml", """
            apiVersion: tacet/v1
            kind: LearningPlan
            metadata: {name: t-ivy-plan}
            therapist: t-ivy
            cycleStart: 2026-01-01
            cycleEnd: 2030-12-31
            items:
              - {course: ethics-cultural-humility, quarter: 2027-Q1}
            """)
        let audited = await CheckCommand.run(paths: paths, today: Self.today, plugins: nil)
        #expect(audited.findings.map(\.code) == ["plan.no-credential"])
        #expect(audited.findings.first?.location == SourceLocation(file: written, line: 4, column: 12))
    }

    @Test("plan's text says why each course is in the plan, under the course")
    func reasonsInText() throws {
        let plan = PlanCommand.run(therapists: ["t-ben"], team: nil, paths: Self.shipped + [Repository.path("Examples")], output: nil,
                                   format: .text, today: Self.today)
        #expect(plan.status == .ok)
        #expect(plan.output.contains("""
                2026-Q4  assessment-developing  8 credits, 190 USD, 6.67 h
                  why: closes the assessment gap: brings it to developing (target: assessment at developing)
                  why: 8 credits toward the cycle's 100

            """))
        // Ben has no ethics credits yet: the first ethics course says it serves CBMT's minimum, within CMTE; the second,
        // taken once the minimum is met, does not.
        #expect(plan.output.contains("""
                  why: 3 ethics credits within continuing-music-therapy-education toward the minimum of 3
                  why: 3 credits toward the cycle's 100

            """))
        // Ben is already at emerging in professional practice, all the foundation brings: the supervision course may
        // start without it.
        #expect(plan.output.contains("""
                2028-Q1  ethics-supervision  5 credits, 160 USD, 4.17 h
                  why: its prerequisite 'ethics-foundations' is met: the therapist already holds the levels it brings
                  why: 5 credits toward the cycle's 100

            """))
        #expect(plan.output.hasSuffix("  records: Keep proof of every credit (certificates, attendance records) until 2031-12-31: "
                                      + "renewals are audited at random (how long is an assumption in the Requirements: confirm it with the certifying body).\n"))
        // Ben is already emerging in assessment: the foundation course that brings him there is left out.
        #expect(!plan.output.contains("assessment-emerging"))
        #expect(plan.output.contains("""
                2028-Q3  ai-literacy-foundations  4 credits, 80 USD, 3.33 h
                  why: renews 'ai-literacy-foundations' before it lapses on 2028-10-01 (24 months from the start of 2026-Q4, when the \
            plan renews it): needed to perform step 'draft-note-weekend' of workflow 'inpatient-documentation' (progress-note-drafting) with AI
                  why: a repeat: earns no further credits (repeatsEarnCredits is false in the Requirements)

            """))
        // Every course line is followed by its reasons.
        let lines = plan.output.split(separator: "\n")
        for (index, line) in lines.enumerated() where line.hasPrefix("    20") {
            #expect(index + 1 < lines.count && lines[index + 1].hasPrefix("      why: "), "\(line)")
        }
    }

    @Test("report --plan proposes a plan for each therapist without one, the plan `tacet plan` makes; without it, none")
    func reportPlans() async throws {
        let directory = try TemporaryDirectory()
        let paths = Self.shipped + ["Examples/pediatrics/therapists", "Examples/pediatrics/workflows"].map(Repository.path)
        let people = ["Ana Ruiz", "Ben Okafor", "Min-jun Cho"]

        let plain = directory.path + "/plain.html"
        #expect(await ReportCommand.run(paths: paths, output: plain, today: Self.today, plugins: nil).status == .ok)
        let without = try Self.pageText(plain)
        #expect(without.components(separatedBy: "No learning plan among the documents checked.").count - 1 == 3)
        #expect(!without.contains("plan by quarter"))

        let planned = directory.path + "/planned.html"
        #expect(await ReportCommand.run(paths: paths, output: planned, today: Self.today, plugins: nil, plan: true).status == .ok)
        let with = try Self.pageText(planned)
        #expect(!with.contains("No learning plan among the documents checked."))
        for person in people {
            #expect(with.contains(" \(person)'s plan by quarter "), "\(person)")
            #expect(with.contains("Proposed by the planner for this report on 2026-11-21: the cheapest plan that closes \(person)'s gaps "
                                  + "and meets the cycle's requirements. It is not saved as the team's plan yet."), "\(person)")
        }
        // Ben's proposed plan is the one `tacet plan t-ben` makes: every course of it is on the page.
        let plan = PlanCommand.run(therapists: ["t-ben"], team: nil, paths: paths, output: nil, format: .json, today: Self.today)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(plan.output.utf8)) as? [[String: Any]])
        let items = try #require(json.first?["items"] as? [[String: Any]])
        #expect(items.count == 16)
        let ben = try #require(with.components(separatedBy: " Ben Okafor's plan by quarter ").last?.components(separatedBy: " Min-jun Cho ").first)
        for item in items {
            let course = try #require(item["course"] as? String)
            #expect(ben.contains(" \(course), "), "\(course)")
        }
    }

    @Test("the staff page names a failing plugin in one line under 'About this report', and holds no terminal instructions")
    func noTerminalOnThePage() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("plugins/broken/plugin.yaml", """
            apiVersion: tacet/v1
            kind: Plugin
            metadata: {name: broken, version: 1.0.0}
            command: [./run]
            protocols: [1]
            kinds: [Workflow]
            timeout: 10
            """)
        let run = try directory.write("plugins/broken/run", "#!/bin/sh\necho \"broken is not built: run 'swift build' in /somewhere\" >&2\nexit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: run)
        let settings = PluginSettings(directories: [directory.path + "/plugins"],
                                      options: PluginRunOptions(jobs: 2, hostEnvironment: ProcessInfo.processInfo.environment))
        let page = directory.path + "/report.html"
        let report = await ReportCommand.run(paths: Self.shipped + [Repository.path("Examples")], output: page, today: Self.today,
                                             plugins: settings)
        #expect(report.status == .ok)
        let text = try Self.pageText(page)
        #expect(text.hasSuffix(" About this report Checked by Tacet \(TacetVersion.current) on 2026-11-21. The checker plugin broken could not "
                               + "run (it exited with status 1), so its checks are missing from this report. It counts as an error in the summary. "))
        for terminal in ["swift build", "tacet plan", "tacet plugin", "stderr", "`"] {
            #expect(!text.contains(terminal), "the page says \(terminal)")
        }
        // Ben's missing training still says how to fix it, in words.
        #expect(text.contains("Fix: complete 'ai-literacy-foundations' (a learning plan can schedule it) or choose a performer who holds it"))
    }
}
