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
//   seed COURSES SEED       one therapist against the shared catalog of COURSES courses, timed
//   small SEED              one small instance, search + CBC and the search alone, timed
//   catalog COURSES N       N therapists against one catalog, one after another, with the search alone too
//   team COURSES N          N therapists against one catalog on every core, timed in total
//   seeds SEED...           small instances, search + CBC only, one line each
//   json SEED...            small instances as JSON for Scripts/plan-reference.py (the CP-SAT reference)

/// What one therapist's planning came to, and how long it took.
struct Outcome {
    enum Kind { case optimal, infeasible, unproven, undecided }
    var kind: Kind
    var milliseconds: Double
    var settled: Bool { kind == .optimal || kind == .infeasible }
}

func solve(_ problem: PlanningProblem, searchOnly: Bool = false) -> Outcome {
    var planner = Planner(problem)
    if searchOnly {
        // The search as it was before CBC: its old budget of 3,000,000 steps, nothing after it.
        planner.searchSteps = 3_000_000
        planner.usesSolver = false
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let result = planner.solve()
    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    switch result {
    case .plan(let plan): return Outcome(kind: plan.optimal ? .optimal : .unproven, milliseconds: milliseconds)
    case .infeasible: return Outcome(kind: .infeasible, milliseconds: milliseconds)
    case .undecided: return Outcome(kind: .undecided, milliseconds: milliseconds)
    }
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
    print("search + CBC:", solve(problem))
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
