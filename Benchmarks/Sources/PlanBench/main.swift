import Dispatch
import Foundation
import TacetDocuments
import TacetEngine

// Times the planner: therapists with random levels, targets and budgets against generated catalogs.
// Run: swift run -c release PlanBench [therapists] [courses]

let therapistCount = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1000
let courseCount = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 300
let areas = (0..<10).map { "area-\($0)" }
let levels = CompetencyLevel.allCases

struct Random {
    var state: UInt64
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return range.lowerBound + Int((state >> 33) % UInt64(range.count))
    }
}

func catalog(_ count: Int, seed: UInt64) -> [Course] {
    var random = Random(state: seed)
    return (0..<count).map { index in
        let level = levels[index % 4]
        let credits = Double([5, 8, 12, 15][index % 4] + random.int(0...3))
        return Course(id: "c\(index)", title: "C\(index)", provider: "P", credits: credits,
                      category: index % 17 == 0 ? "ethics" : "cmte", hours: credits * 50 / 60,
                      cost: Double([95, 190, 340, 520][index % 4] + random.int(0...12) * 10), format: .online,
                      outcomes: [CourseOutcome(area: areas[(index / 4) % 10], level: level,
                                               entry: level == .emerging ? nil : levels[level.rank - 1])],
                      prerequisites: [], renewalMonths: nil, illustrative: true, pointer: "")
    }
}

func problem(_ courses: [Course], seed: UInt64) -> PlanningProblem {
    var random = Random(state: seed)
    var current: [String: CompetencyLevel] = [:]
    for area in areas { current[area] = levels[random.int(0...2)] }
    var gaps: [Gap] = []
    for area in areas.shuffled(using: &random) .prefix(random.int(0...2)) {
        let now = current[area] ?? .emerging
        if now < .advanced { gaps.append(Gap(area: area, current: now, required: levels[now.rank + 1], reasons: ["target"])) }
    }
    let quarters = (0..<random.int(4...20)).reduce(into: [Quarter(year: 2027, quarter: 1) ?? Quarter(containing: .epoch)]) { list, _ in
        list.append(list[list.count - 1].next)
    }
    return PlanningProblem(courses: courses, levels: current, gaps: gaps, credits: 0, earned: ["cmte": Double(random.int(0...60))],
                           total: 100, minimums: ["ethics": 3], caps: [:], completed: [], quarters: quarters,
                           hoursPerYear: Double(random.int(20...40)), moneyPerYear: Double(random.int(8...30) * 100))
}

extension Random: RandomNumberGenerator {
    mutating func next() -> UInt64 { UInt64(int(0...Int(Int32.max))) << 32 | UInt64(int(0...Int(Int32.max))) }
}

func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

let courses = catalog(courseCount, seed: 7)
if CommandLine.arguments.count > 4, let seed = UInt64(CommandLine.arguments[4]) {
    print(time { _ = Planner(problem(courses, seed: seed)).solve() }, "ms for seed", seed)
    exit(0)
}
var times: [Double] = []
var feasible = 0
let total = time {
    for seed in 0..<UInt64(therapistCount) {
        times.append(time {
            if case .plan = Planner(problem(courses, seed: seed)).solve() { feasible += 1 }
        })
    }
}
if let slowest = times.indices.max(by: { times[$0] < times[$1] }), CommandLine.arguments.count > 3 {
    let p = problem(courses, seed: UInt64(slowest))
    print("slowest: seed \(slowest), \(p.quarters.count) quarters, gaps \(p.gaps.map { "\($0.area)->\($0.required.rawValue)" }), "
          + "earned \(p.earned), hours/yr \(p.hoursPerYear ?? 0), money/yr \(p.moneyPerYear ?? 0)")
}
times.sort()
print("\(therapistCount) therapists x \(courseCount) courses: \(String(format: "%.0f", total)) ms in all, "
      + "median \(String(format: "%.2f", times[times.count / 2])) ms, slowest \(String(format: "%.1f", times.last ?? 0)) ms; \(feasible) feasible")
