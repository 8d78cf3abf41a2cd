import Foundation
import TacetDocuments
import TacetPlanning

extension PlanningProblem {
    /// The problem as the JSON object `Scripts/plan-reference.py` reads: every field the planner's rules
    /// use, levels as their ranks (emerging 0 to advanced 3), quarters as `2027-Q1`, pinned courses with
    /// their quarter's index. Amounts are written as they are; the reference counts them in hundredths.
    public var referenceJSON: [String: Any] {
        func course(_ course: Course) -> [String: Any] {
            ["id": course.id, "credits": course.credits, "category": course.category, "hours": course.hours, "cost": course.cost,
             "prerequisites": course.prerequisites,
             "outcomes": course.outcomes.map { ["area": $0.area, "level": $0.level.rank, "entry": $0.entry.map { $0.rank as Any } ?? NSNull()] }]
        }
        return [
            "courses": courses.map(course),
            "levels": levels.mapValues(\.rank),
            "gaps": gaps.map { ["area": $0.area, "required": $0.required.rank] },
            "earned": earned, "total": total, "minimums": minimums, "caps": caps,
            "completed": completed.sorted(),
            "quarters": quarters.map(\.description),
            "hoursPerYear": hoursPerYear.map { $0 as Any } ?? NSNull(), "moneyPerYear": moneyPerYear.map { $0 as Any } ?? NSNull(),
            "pinned": pinned.map { ["course": course($0.course), "quarter": $0.quarter, "renewal": $0.renewal, "countsCredits": $0.countsCredits] },
            "trainingProblems": trainingProblems,
        ]
    }

    /// A list of problems as one JSON document, the reference's input.
    public static func referenceJSON(_ problems: [PlanningProblem]) throws -> Data {
        try JSONSerialization.data(withJSONObject: problems.map(\.referenceJSON), options: [.sortedKeys])
    }
}
