import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetTestSupport
import TacetTool

/// `tacet plan --allow-below-level` and the check of completed courses' categories, through the
/// commands, on the shipped policies, curricula and sample team (issue 18, planner realism).
@Suite("Plans and courses below the therapist's level")
struct BelowLevelOptionTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!
    static let paths = ["Policies", "Curricula", "Examples/pediatrics"].map(Repository.path)

    @Test("by default Min-jun's plan leaves out foundations she is past and says so; --allow-below-level lets it use them")
    func option() throws {
        let strict = PlanCommand.run(therapists: ["t-cho"], team: nil, paths: Self.paths, output: nil, format: .yaml, today: Self.today)
        #expect(strict.status == .ok)
        #expect(strict.output.contains("# Left out as below Min-jun Cho's levels (`tacet plan --allow-below-level` allows them): "))
        #expect(!strict.output.contains("course: assessment-emerging"))
        let allowing = PlanCommand.run(therapists: ["t-cho"], team: nil, paths: Self.paths, output: nil, format: .yaml, today: Self.today,
                                       allowBelowLevel: true)
        #expect(allowing.status == .ok)
        #expect(!allowing.output.contains("Left out"))
        // She is advanced in professional practice and holds her ethics credits: the ethics foundation is the cheapest
        // filler once courses below her level are allowed.
        #expect(!strict.output.contains("course: ethics-foundations"))
        #expect(allowing.output.contains("course: ethics-foundations"), "\(allowing.output)")
        func cost(_ text: String) -> Double? {
            text.firstMatch(of: /: ([0-9.]+) in cost/).flatMap { Double($0.output.1) }
        }
        let (strictCost, allowedCost) = (try #require(cost(strict.output)), try #require(cost(allowing.output)))
        #expect(allowedCost < strictCost)
    }

    @Test("a completed course in a category the Requirements do not list stops check and plan with exit 2, at its category")
    func unknownCategory() async throws {
        let directory = try TemporaryDirectory()
        let profile = try directory.write("t-gus.yaml", """
            apiVersion: tacet/v1
            kind: Therapist
            metadata: {name: t-gus}
            name: Gus
            role: music-therapist
            credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
            levels: {documentation: developing}
            completed:
              - {title: Drumming circles, date: 2025-02-01, credits: 6, category: clinical}
            """)
        let paths = ["Policies", "Curricula"].map(Repository.path) + [directory.path]
        let plan = PlanCommand.run(therapists: ["t-gus"], team: nil, paths: paths, output: nil, format: .text, today: Self.today)
        #expect(plan.status == .invalid)
        let problem = try #require(plan.diagnostics.first)
        #expect(plan.diagnostics.count == 1)
        #expect(problem.code == DocumentErrorCode.unknownCategory.rawValue)
        #expect(problem.location == SourceLocation(file: profile, line: 9, column: 71))
        // The Requirements' categories, whatever they are: the shipped ones include continuing-music-therapy-education.
        #expect(problem.hint?.contains("the categories: ") == true && problem.hint?.contains("continuing-music-therapy-education") == true,
                "\(problem.hint ?? "")")
        let check = await CheckCommand.run(paths: paths, today: Self.today, plugins: nil)
        #expect(check.status == .invalid)
        #expect(check.diagnostics.contains { $0.code == DocumentErrorCode.unknownCategory.rawValue && $0.location == problem.location })
    }
}
