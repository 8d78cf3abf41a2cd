import Dispatch
import Foundation
import TacetDocuments
import TacetPlanning
import TacetPlanningTestSupport

// Times the planner on PlanInstanceGenerator's problems (prerequisite chains, entry levels only one paid
// course brings, cheap fillers, tight yearly budgets): the problems of the planner's tests.
// Run (release): swift run -c release --package-path Benchmarks PlanBench
//   (no argument)           the whole report, one process: the 500 small instances, catalogs of 40, 300
//                           and 1,000 courses, and 1,000 therapists x 300 courses on every core; the search
//                           alone against the search plus CBC throughout
//   settle [count] [compare] only the small instances: settled, optimal, infeasible (with `compare`, the search
//                           alone too);
//                           with PLANBENCH_VERBOSE set, one line per seed (its outcome and time)
//   seed COURSES SEED       one therapist against the shared catalog of COURSES courses, timed by phase
//   phases COURSES N        N therapists against one catalog, one after another, each phase's time summed
//   small SEED              one small instance, search + CBC and the search alone, timed
//   catalog COURSES N       N therapists against one catalog, one after another, with the search alone too
//   team COURSES N          N therapists against one catalog on every core, timed in total; with
//                           PLANBENCH_VERBOSE set, the slowest 15 (seed, outcome, time) and the time by outcome
//   seeds SEED...           small instances, search + CBC only, one line each
//   json SEED...            small instances as JSON for Scripts/plan-reference.py (the CP-SAT reference)
// Environment: PLANBENCH_STEPS (the search's steps; 0: the solver alone), PLANBENCH_CBC_ONLY (no Clp relaxation
// first), PLANBENCH_TIME_LIMIT (seconds per therapist), PLANBENCH_VERBOSE (per seed; team: the slowest 15).

/// What one therapist's planning came to, and how long it took.
struct Outcome {
    enum Kind { case optimal, infeasible, unproven, undecided }
    var kind: Kind
    var milliseconds: Double
    var phases = PlanPhases()
    var settled: Bool { kind == .optimal || kind == .infeasible }
}

func solve(_ problem: PlanningProblem, searchOnly: Bool = false) -> Outcome {
    var planner = Planner(problem)
    // PLANBENCH_STEPS: the search's step budget (0: the solver alone), to measure where the search pays.
    if let steps = ProcessInfo.processInfo.environment["PLANBENCH_STEPS"].flatMap({ Int($0) }) { planner.searchSteps = steps }
    // PLANBENCH_TIME_LIMIT: seconds per therapist instead of the planner's default (how long the hardest need).
    if let limit = ProcessInfo.processInfo.environment["PLANBENCH_TIME_LIMIT"].flatMap({ Double($0) }) { planner.timeLimit = limit }
    // PLANBENCH_CBC_ONLY: every program to CBC, without trying its linear relaxation with Clp first.
    if ProcessInfo.processInfo.environment["PLANBENCH_CBC_ONLY"] != nil { planner.usesRelaxation = false }
    if searchOnly {
        // The search as it was before CBC: its old budget of 3,000,000 steps, nothing after it.
        planner.searchSteps = 3_000_000
        planner.usesSolver = false
    }
    var phases = PlanPhases()
    let start = DispatchTime.now().uptimeNanoseconds
    let result = planner.solve(phases: &phases)
    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    switch result {
    case .plan(let plan): return Outcome(kind: plan.optimal ? .optimal : .unproven, milliseconds: milliseconds, phases: phases)
    case .infeasible: return Outcome(kind: .infeasible, milliseconds: milliseconds, phases: phases)
    case .undecided: return Outcome(kind: .undecided, milliseconds: milliseconds, phases: phases)
    }
}

/// One therapist's phases: search, the program without quarters (rounds), the one with quarters, the diagnosis.
func phaseLine(_ phases: PlanPhases) -> String {
    "search \(ms(phases.search * 1000)), selection \(ms(phases.selection * 1000)) in \(phases.selectionRounds) rounds, "
        + "with quarters \(ms(phases.scheduled * 1000)), diagnosis \(ms(phases.diagnosis * 1000)); settled by \(phases.settled)"
}

/// The phases summed over `outcomes`, and how many each phase settled.
func phaseTotals(_ outcomes: [Outcome]) -> String {
    let sum = { (phase: (PlanPhases) -> Double) in String(format: "%.2f s", outcomes.reduce(0) { $0 + phase($1.phases) }) }
    let by = { (settled: PlanPhases.Settled) in outcomes.filter { $0.phases.settled == settled }.count }
    return "    phases summed: search \(sum(\.search)), selection \(sum(\.selection)), with quarters \(sum(\.scheduled)), "
        + "diagnosis \(sum(\.diagnosis)); settled by the search \(by(.search)), the selection \(by(.selection)), "
        + "with quarters \(by(.scheduled)), the data \(by(.data))"
}

/// The search alone: settled only where it finishes within its budget.
func searchAlone(_ problem: PlanningProblem) -> Outcome { solve(problem, searchOnly: true) }

func ms(_ value: Double) -> String { value < 10 ? String(format: "%.1f ms", value) : String(format: "%.0f ms", value) }

func line(_ label: String, _ outcomes: [Outcome]) -> String {
    let times = outcomes.map(\.milliseconds).sorted()
    let count = { (kind: Outcome.Kind) in outcomes.filter { $0.kind == kind }.count }
    let settled = outcomes.filter(\.settled).count
    return "  \(label): \(settled) of \(outcomes.count) settled (\(count(.optimal)) optimal, \(count(.infeasible)) infeasible), "
        + "\(count(.unproven)) unproven plans, \(count(.undecided)) undecided; per therapist median \(ms(times[times.count / 2])), "
        + "worst \(ms(times.last ?? 0))"
}

func settings(_ settings: PlanInstanceGenerator.Settings) -> String {
    "courses \(settings.courses.lowerBound)-\(settings.courses.upperBound), areas \(settings.areas.map(String.init) ?? "one per 8 courses (2-12)"), "
        + "fillers \(settings.fillerPercent)%, yearly budgets in \(settings.budgetPercent)% of problems, ties \(settings.ties)"
}

/// The small instances of issue 19: each its own catalog of 8-40 courses.
func small(_ count: Int, compare: Bool) {
    let generator = PlanInstanceGenerator()
    print("\(count) random instances (PlanInstanceGenerator seeds 0-\(count - 1): \(settings(generator.settings)))")
    let problems = (0..<count).map { generator.problem(seed: UInt64($0)) }
    let verbose = ProcessInfo.processInfo.environment["PLANBENCH_VERBOSE"] != nil
    print(line("search + CBC", problems.enumerated().map { seed, problem in
        let outcome = solve(problem)
        if verbose { print("    seed \(seed): \(problem.courses.count) courses, \(problem.quarters.count) quarters: \(outcome.kind), \(ms(outcome.milliseconds))") }
        return outcome
    }))
    if compare { print(line("search alone (3,000,000 steps)", problems.map(searchAlone))) }
}

/// Therapists against one shared catalog of `courses` courses, one after another.
func catalog(_ courses: Int, therapists: Int) {
    let generator = PlanInstanceGenerator(.catalog(courses))
    let catalog = generator.catalog(seed: 7)
    let problems = (0..<therapists).map { generator.problem(courses: catalog, seed: UInt64($0)) }
    print("\(courses)-course catalog, \(therapists) therapists, one after another:")
    print(line("search + CBC", problems.map { solve($0) }))
    print(line("search alone (3,000,000 steps)", problems.map(searchAlone)))
}

/// Therapists against one shared catalog, on every core (as `tacet plan --team` runs them), timed in total.
func team(_ courses: Int, therapists: Int) {
    let generator = PlanInstanceGenerator(.catalog(courses))
    let shared = generator.catalog(seed: 7)
    let problems = (0..<therapists).map { generator.problem(courses: shared, seed: UInt64($0)) }
    let start = DispatchTime.now().uptimeNanoseconds
    let outcomes = Parallel.map(problems.count) { solve(problems[$0]) }
    let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    print("\(therapists) therapists x \(courses) courses on \(ProcessInfo.processInfo.activeProcessorCount) cores (as plan --team): "
          + String(format: "%.2f s", total / 1000) + " in total")
    print(line("search + CBC", outcomes))
    if ProcessInfo.processInfo.environment["PLANBENCH_VERBOSE"] != nil {
        // The slowest therapists, by seed (`seed COURSES SEED` runs one alone), and where the rest of the time went.
        let slowest = outcomes.enumerated().sorted { $0.element.milliseconds > $1.element.milliseconds }
        for (seed, outcome) in slowest.prefix(15) { print("    seed \(seed): \(outcome.kind), \(ms(outcome.milliseconds)): \(phaseLine(outcome.phases))") }
        print(phaseTotals(outcomes))
        let sum = { (kind: Outcome.Kind) in outcomes.filter { $0.kind == kind }.reduce(0) { $0 + $1.milliseconds } / 1000 }
        print("    per-therapist time summed: optimal " + String(format: "%.1f s", sum(.optimal)) + ", infeasible "
              + String(format: "%.1f s", sum(.infeasible)) + ", unproven " + String(format: "%.1f s", sum(.unproven))
              + ", undecided " + String(format: "%.1f s", sum(.undecided)))
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "settle":
    small(arguments.dropFirst().first.flatMap { Int($0) } ?? 500, compare: arguments.contains("compare"))
case "seed":
    let courses = arguments.dropFirst().first.flatMap { Int($0) } ?? 300
    let seed = arguments.dropFirst(2).first.flatMap { UInt64($0) } ?? 0
    let generator = PlanInstanceGenerator(.catalog(courses))
    let problem = generator.problem(courses: generator.catalog(seed: 7), seed: seed)
    let outcome = solve(problem)
    print("search + CBC: \(outcome.kind), \(ms(outcome.milliseconds)): \(phaseLine(outcome.phases))")
case "seeds":
    // Only search + CBC on the small instances of `seeds`, one line each.
    for seed in arguments.dropFirst().compactMap({ UInt64($0) }) {
        let problem = PlanInstanceGenerator().problem(seed: seed)
        let outcome = solve(problem)
        print("seed \(seed): \(problem.courses.count) courses, \(problem.quarters.count) quarters: \(outcome.kind), \(ms(outcome.milliseconds))")
    }
case "json":
    // The small instances of `seeds` as the CP-SAT reference reads them: `PlanBench json 1 7 | Scripts/plan-reference.py`.
    let problems = arguments.dropFirst().compactMap { UInt64($0) }.map { PlanInstanceGenerator().problem(seed: $0) }
    print(String(decoding: (try? PlanningProblem.referenceJSON(problems)) ?? Data(), as: UTF8.self))
case "small":
    let seed = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 0
    let problem = PlanInstanceGenerator().problem(seed: seed)
    print(problem.courses.count, "courses", problem.quarters.count, "quarters")
    print("search + CBC:", solve(problem))
    print("search alone:", searchAlone(problem))
case "phases":
    // phases COURSES THERAPISTS: one after another, search + CBC only, the time of each phase summed.
    let courses = arguments.dropFirst().first.flatMap { Int($0) } ?? 300
    let generator = PlanInstanceGenerator(.catalog(courses))
    let shared = generator.catalog(seed: 7)
    let outcomes = (0..<(arguments.dropFirst(2).first.flatMap { Int($0) } ?? 100)).map { solve(generator.problem(courses: shared, seed: UInt64($0))) }
    print("\(outcomes.count) therapists x \(courses) courses, one after another:")
    print(line("search + CBC", outcomes))
    print(phaseTotals(outcomes))
case "catalog":
    // catalog COURSES THERAPISTS: one after another, search + CBC against the search alone.
    catalog(arguments.dropFirst().first.flatMap { Int($0) } ?? 300, therapists: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 200)
case "team":
    // team COURSES THERAPISTS: every therapist on every core, as `tacet plan --team` runs them.
    team(arguments.dropFirst().first.flatMap { Int($0) } ?? 300, therapists: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1000)
default:
    small(500, compare: true)
    catalog(40, therapists: 200)
    catalog(300, therapists: 200)
    catalog(1000, therapists: 50)
    team(300, therapists: 1000)
}
