import Foundation
import Testing
import TacetYAML
import TacetDocuments
import TacetPlanning
import TacetEngine

/// The planner on the shipped sample team, end to end: gaps from the policies, plans written as
/// documents, and the audit of those plans by `check`.
@Suite("Planning the sample team")
struct SampleTeamPlanTests {
    @Test("the shipped sample team: gaps include what the policy requires, and every plan passes the audit")
    func sampleTeam() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        var workspace = WorkspaceLoader().load(["Policies", "Curricula", "Examples"].map { repository + "/" + $0 })
        workspace.documents.removeAll { $0.file.contains("/Policies/tests/") || $0.kind == .learningPlan }
        let today = CalendarDate(year: 2026, month: 11, day: 21) ?? .epoch
        let catalogs = workspace.documents.compactMap { if case .catalog(let c) = $0.document { c } else { nil } }
        let rules = try #require(workspace.documents.compactMap { if case .requirements(let r) = $0.document { r } else { nil } }.first)
        var generated: [(String, String)] = []
        for document in workspace.documents {
            // The pediatrics team's three, whose plans Examples/pediatrics/plans hold.
            guard case .therapist(let therapist) = document.document, therapist.metadata.team == "pediatrics" else { continue }
            let gaps = GapAnalysis.gaps(of: therapist, in: workspace.documents)
            if therapist.id == "t-ana" {
                #expect(gaps.first { $0.area == "documentation" }?.reasons.contains {
                    $0.hasPrefix("to review step 'draft-note-weekend' of workflow 'inpatient-documentation'")
                } == true)
            }
            let trainings = GapAnalysis.trainings(of: therapist, in: workspace.documents)
            let problem = try #require(PlanningProblem(therapist: therapist, catalogs: catalogs, requirements: rules, gaps: gaps,
                                                       trainings: trainings, today: today))
            guard case .plan(let plan) = Planner(problem).solve() else {
                Issue.record("no plan for \(therapist.id)")
                continue
            }
            let text = PlanWriter.yaml(plan, for: therapist, cycle: try #require(therapist.credential), gaps: gaps, today: today)
            // The plan reads back as the same courses and quarters.
            let decoded = DocumentDecoder.decode(try YAMLParser().parse(text), file: "\(therapist.id)-plan.yaml")
            guard case .learningPlan(let back)? = decoded.document?.document else {
                Issue.record("\(decoded.diagnostics)")
                continue
            }
            #expect(back.items.map(\.course) == plan.items.map(\.course.id))
            if therapist.id == "t-ana" {
                // Her AI-literacy training lapses on 2027-03-10: renewed in the quarter that ends before (2026-Q4), not
                // in 2027-Q1, where it could be taken after the 10th; that renewal lapses 2028-10-01: again in 2028-Q3.
                #expect(plan.items.filter { $0.course.id == "ai-literacy-foundations" }.map(\.quarter.description) == ["2026-Q4", "2028-Q3"])
            }
            #expect(back.items.map(\.quarter) == plan.items.map(\.quarter))
            generated.append(("\(therapist.id)-plan.yaml", text))
        }
        #expect(generated.count == 3)
        var withPlans = workspace
        for (file, text) in generated {
            if let document = DocumentDecoder.decode(try YAMLParser().parse(text), file: file).document { withPlans.documents.append(document) }
        }
        let report = CheckEngine.check(withPlans, today: today)
        #expect(report.plansChecked == 3)
        #expect(!report.findings.contains { $0.code.hasPrefix("plan.") }, "\(report.findings.filter { $0.code.hasPrefix("plan.") }.map(\.message))")
    }
}
