import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetTestSupport
import TacetTool

/// The plans `tacet plan` writes pass `tacet check`, and the sample plans the repository ships are the
/// ones it writes today (issue 19).
@Suite("Plans tacet plan writes, checked")
struct PlanSamplesTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!
    static let shipped = ["Policies", "Curricula"].map(Repository.path)
    static let team = ["Examples/pediatrics/therapists", "Examples/pediatrics/workflows"].map(Repository.path)

    @Test("every plan tacet plan writes for the example team passes tacet check with no plan finding")
    func writtenPlansPassCheck() async throws {
        let directory = try TemporaryDirectory()
        let plan = PlanCommand.run(therapists: [], team: nil, paths: Self.shipped + Self.team, output: directory.path, format: .yaml,
                                   today: Self.today)
        #expect(plan.status == .ok, "\(plan.diagnostics.map(\.message))")
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix("-plan.yaml") }
        #expect(written.count == 3, "\(written)")
        let check = await CheckCommand.run(paths: Self.shipped + Self.team + [directory.path], today: Self.today, plugins: nil)
        #expect(check.output.contains("3 learning plans checked"), "\(check.output)")
        // The learning-plan audit's codes, as the code reference lists them.
        let planCodes = Set(DiagnosticCodes.families.filter { $0.title == "Learning-plan audit" }.flatMap(\.codes).map(\.id))
        #expect(!planCodes.isEmpty)
        let faults = (check.findings + check.diagnostics).filter { planCodes.contains($0.code) }
        #expect(faults.isEmpty, "\(faults.map { "\($0.code): \($0.message)" })")
    }

    @Test("the sample plans under Examples are what tacet plan writes today (TACET_WRITE_DOCS=1 rewrites them)",
          arguments: ["t-ana", "t-cho"])
    func samplePlansAreCurrent(therapist: String) throws {
        let plan = PlanCommand.run(therapists: [therapist], team: nil, paths: Self.shipped + [Repository.path("Examples")], output: nil,
                                   format: .yaml, today: Self.today)
        #expect(plan.status == .ok, "\(plan.diagnostics.map(\.message))")
        let file = Repository.path("Examples/pediatrics/plans/\(therapist)-plan.yaml")
        if DocumentationSample.rewriting {
            try plan.output.write(toFile: file, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == plan.output, "regenerate with TACET_WRITE_DOCS=1")
    }
}
