import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPlanning
import TacetReports
import TacetYAML

/// `tacet report PATH... --output FILE`: the self-contained HTML team report.
package enum ReportCommand {
    /// Checks `paths` (with `plugins` when given) and writes the team report to `output` atomically,
    /// never over an input. With `plan`, every therapist without a learning plan gets one from the
    /// planner `tacet plan` uses, shown on the page as proposed (not written as a file). Exit 2 when
    /// the input is invalid (the report is still written and shows the problems) or the file cannot
    /// be written; otherwise 0, whatever the findings: the report is the product, and `check` is the
    /// command that gates.
    /// `alsoRead` are files the run read besides the documents (the project file), never written over either.
    /// With `handbook` (a link to `tacet handbook`'s page), each finding's task links to its entry there.
    package static func run(paths: [String], output: String, today: CalendarDate, limits: YAMLLimits = .default,
                           failOn: Severity = .error, plugins: PluginSettings?, plan: Bool = false,
                           timeLimit: Double = Planner.defaultTimeLimit, allowBelowLevel: Bool = false, alsoRead: [String] = [],
                           handbook: String? = nil) async -> ToolOutcome {
        let run = await CheckPipeline(today: today, limits: limits, plugins: plugins, failOn: failOn, retaining: [.outlines, .stepsWithAI])
            .run(paths: paths)
        var input = run.input
        input.handbook = handbook
        if plan && !input.report.inputInvalid {
            propose(into: &input, today: today, timeLimit: timeLimit, allowBelowLevel: allowBelowLevel)
        }
        let html = HTMLReportRenderer.render(input, today: today)
        do {
            try FileIO.writeAtomically(html, to: output, inputs: paths + run.files + alsoRead)
        } catch {
            return ToolOutcome(diagnostics: run.input.report.problems + error.diagnostics, sources: run.sources, quoted: run.quoted,
                               status: .invalid)
        }
        let report = run.input.report
        let tally = report.tally
        return ToolOutcome(diagnostics: report.problems,
                           summary: "wrote \(output): \(report.scopeSentence); \(tally.countSentence), \(report.suppressed.count) suppressed"
                               + (tally.shortfallSentence().map { "\n" + $0 } ?? ""),
                           sources: run.sources, quoted: run.quoted, status: report.inputInvalid ? .invalid : .ok)
    }

    /// Plans every therapist among the input's documents who has no learning plan, adding each plan
    /// found to the documents the page shows, and a note saying how it came to be, or why none could.
    static func propose(into input: inout ReportInput, today: CalendarDate, timeLimit: Double, allowBelowLevel: Bool = false) {
        let planned = Set(input.checked.compactMap { $0.plan?.therapist })
        let unplanned = input.documents.compactMap { document -> (LoadedDocument, Therapist)? in
            guard case .therapist(let therapist) = document.document, !planned.contains(therapist.id) else { return nil }
            return (document, therapist)
        }
        let planner = TeamPlanner(documents: input.documents, policies: input.policies, steps: input.stepsWithAI, today: today,
                                  timeLimit: timeLimit, allowingBelowLevel: allowBelowLevel)
        for result in planner.plan(unplanned) {
            let id = result.therapist.id
            switch result.outcome {
            case .plan(let plan, let gaps, let cycle):
                let text = PlanWriter.yaml(plan, for: result.therapist, cycle: cycle, gaps: gaps, rules: planner.rules(for: result.therapist),
                                           today: today)
                // The plan is shown as the documents `tacet plan` writes are read: decoded from that very text.
                guard let root = try? YAMLParser().parse(text),
                      let document = DocumentDecoder.decode(root, file: PlanWriter.name(for: result.therapist) + ".yaml").document else {
                    continue  // invariant: PlanWriter writes a valid LearningPlan; the page then says no plan was found
                }
                input.checked.append(CheckedDocument(document, outline: true, steps: false))
                // A plan the time limit stopped short of proving is not called the cheapest.
                input.planNotes[id] = "Proposed by the planner for this report on \(today): "
                    + (plan.optimal ? "the cheapest plan" : "a plan found within the time limit, not proven the cheapest,")
                    + " that closes \(result.therapist.name)'s gaps and meets the cycle's requirements. It is not saved as the team's plan yet."
            case .infeasible(let reasons):
                input.planNotes[id] = "The planner found no plan that meets every constraint: " + reasons.joined(separator: "; ") + "."
            case .undecided(let limit):
                input.planNotes[id] = "The planner found no plan within its time limit of \(Planner.format(limit)) s, and did not prove "
                    + "that none exists: try a longer --time-limit."
            case .cycleEnded(let problem), .noRequirements(let problem):
                input.planNotes[id] = "No plan could be made: \(problem.message)."
            case .noCredential:
                input.planNotes[id] = "No credential with a cycle yet (role \(result.therapist.role)): no continuing education to plan."
            }
        }
    }
}
