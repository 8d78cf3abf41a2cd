import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPlanning

/// Plans continuing education for therapists from a workspace's documents: the one planning step
/// `tacet plan` and `tacet report --plan` share, so both propose the same plan for the same input.
package struct TeamPlanner: Sendable {
    /// What planning found for one therapist.
    package enum Outcome: Sendable {
        /// A plan that meets every constraint, with the gaps it closes, for the credential cycle it fills.
        case plan(PlannedCourses, gaps: [Gap], cycle: Credential)
        /// No plan meets the constraints; each reason names one and by how much it fails.
        case infeasible([String])
        /// The time limit (seconds) ran out before a plan was found or proven impossible.
        case undecided(timeLimit: Double)
        /// Nothing can be planned for a cycle that is over: the finding (`plan.cycle-ended`) says so.
        case cycleEnded(Diagnostic)
        /// No Requirements document covers the therapist's credential: an input error.
        case noRequirements(Diagnostic)
        /// The therapist holds no credential yet (an intern, a student): nothing to plan, and nothing wrong.
        case noCredential
    }

    /// One therapist's outcome.
    package struct Result: Sendable {
        /// The therapist's profile document.
        package var document: LoadedDocument
        /// The therapist.
        package var therapist: Therapist
        /// What planning found.
        package var outcome: Outcome
    }

    /// The workflow steps that use AI: the levels and training the plans must provide for.
    let steps: [AIStep]
    let catalogs: [Catalog]
    let requirements: [RecertificationRequirements]
    let policies: [String: ResolvedPolicy]
    let today: CalendarDate
    let timeLimit: Double
    /// Whether plans may use courses below the therapist's level (``PlanningProblem/belowLevel``).
    let allowingBelowLevel: Bool

    /// A planner over `documents` (policy-test inputs already left out), planning from `today` with at
    /// most `timeLimit` seconds per therapist, leaving out courses below each therapist's level unless
    /// `allowingBelowLevel`. Pass `steps` when the workflows are not among `documents` (a check
    /// released them once judged).
    package init(documents: [LoadedDocument], policies: [String: ResolvedPolicy]? = nil, steps: [AIStep]? = nil, today: CalendarDate,
                 timeLimit: Double = Planner.defaultTimeLimit, allowingBelowLevel: Bool = false) {
        catalogs = documents.compactMap { document -> Catalog? in
            if case .catalog(let catalog) = document.document { return catalog }
            return nil
        }
        requirements = documents.compactMap { document -> RecertificationRequirements? in
            if case .requirements(let value) = document.document { return value }
            return nil
        }
        let policies = policies ?? PolicyResolver.resolve(documents).policies
        self.policies = policies
        self.steps = steps ?? AIStep.steps(in: documents, policies: policies)
        self.today = today
        self.timeLimit = timeLimit
        self.allowingBelowLevel = allowingBelowLevel
    }

    /// The currency the catalogs price courses in.
    package var currency: String { catalogs.first?.currency ?? "USD" }

    /// The Requirements that cover `therapist`'s credential, if any.
    package func rules(for therapist: Therapist) -> RecertificationRequirements? {
        therapist.credential.flatMap { credential in requirements.first { $0.credential == credential.name } }
    }

    /// Plans each of `therapists` (profile document and therapist), solved on every core, in the order given.
    package func plan(_ therapists: [(LoadedDocument, Therapist)]) -> [Result] {
        var results: [Result?] = []
        var solving: [(index: Int, problem: PlanningProblem, gaps: [Gap], cycle: Credential)] = []
        for (document, therapist) in therapists {
            guard let credential = therapist.credential else {
                results.append(Result(document: document, therapist: therapist, outcome: .noCredential))
                continue
            }
            if let ended = CredentialCycle.ended(document, therapist, today: today) {
                results.append(Result(document: document, therapist: therapist, outcome: .cycleEnded(ended)))
                continue
            }
            guard let rules = rules(for: therapist) else {
                let missing = Diagnostic.error(PlanFinding.noRequirements, "no Requirements document covers \(therapist.name)'s credential "
                                               + "\(credential.name)", at: document.location(of: "/credential/name"),
                                               hint: "add the recertification rules (Curricula/requirements/) to the paths")
                results.append(Result(document: document, therapist: therapist, outcome: .noRequirements(missing)))
                continue
            }
            let gaps = GapAnalysis.gaps(of: therapist, steps: steps)
            let trainings = GapAnalysis.trainings(of: therapist, steps: steps)
            guard let problem = PlanningProblem(therapist: therapist, catalogs: catalogs, requirements: rules, gaps: gaps,
                                                trainings: trainings, today: today, allowingBelowLevel: allowingBelowLevel) else {
                results.append(Result(document: document, therapist: therapist, outcome: .noCredential))
                continue
            }
            solving.append((results.count, problem, gaps, credential))
            results.append(nil)
        }
        // Each therapist's plan is independent: solved on every core, reported in the order given.
        let problems = solving.map(\.problem)
        let solved = Parallel.map(problems.count) { [timeLimit] in Planner(problems[$0], timeLimit: timeLimit).solve() }
        for (entry, result) in zip(solving, solved) {
            let (document, therapist) = therapists[entry.index]
            let outcome: Outcome = switch result {
            case .plan(let plan): .plan(plan, gaps: entry.gaps, cycle: entry.cycle)
            case .infeasible(let reasons): .infeasible(reasons)
            case .undecided(let limit): .undecided(timeLimit: limit)
            }
            results[entry.index] = Result(document: document, therapist: therapist, outcome: outcome)
        }
        return results.compactMap { $0 }
    }
}
