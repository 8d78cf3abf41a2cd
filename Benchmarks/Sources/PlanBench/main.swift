import Dispatch
import Foundation
import TacetDocuments
import TacetPlanning
import TacetPlanningTestSupport

// Times the planner: therapists with random levels, targets and budgets against generated catalogs.
// Run: swift run -c release PlanBench [therapists] [courses] [x: list the slowest] [seed: time that one]
//      swift run -c release PlanBench scale [therapists]: single plans against growing catalogs

let therapistCount = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1000
let courseCount = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 300
// The problems of the planner's tests (PlanInstanceGenerator: prerequisite chains, entry levels only one
// paid course brings, cheap fillers, tight yearly budgets), one catalog shared by every therapist.
func catalog(_ count: Int, seed: UInt64) -> [Course] { PlanInstanceGenerator(.catalog(count)).catalog(seed: seed) }

func problem(_ courses: [Course], seed: UInt64) -> PlanningProblem { PlanInstanceGenerator().problem(courses: courses, seed: seed) }

func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// Solves one therapist's plan: whether it is proven optimal (or proven infeasible).
func solve(_ courses: [Course], seed: UInt64) -> (feasible: Bool, exact: Bool) {
    switch Planner(problem(courses, seed: seed)).solve() {
    case .plan(let plan): return (true, plan.optimal)
    case .infeasible: return (false, true)
    case .undecided: return (false, false)
    }
}

// `PlanBench scale [therapists]`: per catalog size, the median and slowest single plan and how many were exact.
if CommandLine.arguments.dropFirst().first == "scale" {
    let count = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 50
    for size in [300, 1000, 2000, 5000, 10000, 20000] {
        let courses = catalog(size, seed: 7)
        var times: [Double] = []
        var exact = 0
        for seed in 0..<UInt64(count) { times.append(time { if solve(courses, seed: seed).exact { exact += 1 } }) }
        times.sort()
        print("\(size) courses: median \(String(format: "%.1f", times[times.count / 2])) ms, "
              + "slowest \(String(format: "%.1f", times.last ?? 0)) ms over \(count) therapists; \(exact) solved exactly")
    }
    exit(0)
}

let courses = catalog(courseCount, seed: 7)
if CommandLine.arguments.count > 4, let seed = UInt64(CommandLine.arguments[4]) {
    print(time { print(solve(courses, seed: seed)) }, "ms for seed", seed)
    exit(0)
}
var times: [Double] = []
var feasible = 0
var exact = 0
let total = time {
    for seed in 0..<UInt64(therapistCount) {
        times.append(time {
            let outcome = solve(courses, seed: seed)
            if outcome.feasible { feasible += 1 }
            if outcome.exact { exact += 1 }
        })
    }
}
// The same therapists on every core, as `tacet plan --team` runs them.
let parallel = time { _ = Parallel.map(therapistCount) { solve(courses, seed: UInt64($0)) } }
if CommandLine.arguments.count > 3 {
    let slow = times.indices.sorted { times[$0] > times[$1] }.prefix(8)
    print("slowest seeds:", slow.map { "\($0): \(String(format: "%.0f", times[$0])) ms" }.joined(separator: ", "))
}
times.sort()
print("\(therapistCount) therapists x \(courseCount) courses: \(String(format: "%.0f", total)) ms one after another, "
      + "\(String(format: "%.0f", parallel)) ms on every core; median \(String(format: "%.2f", times[times.count / 2])) ms, "
      + "slowest \(String(format: "%.1f", times.last ?? 0)) ms; \(feasible) feasible, \(exact) of \(therapistCount) solved exactly")
