import Foundation
import TacetDocuments
import TacetPlanning

extension PlanningProblem {
    /// The problem as the JSON object `Scripts/plan-reference.py` reads: every field the planner's rules
    /// use, minimums as a list (category, topic or null, credits, credits earned toward it), levels as their ranks (emerging 0 to advanced 3), quarters as `2027-Q1`, pinned courses with
    /// their quarter's index. Amounts are written as they are; the reference counts them in hundredths.
    public var referenceJSON: [String: Any] {
        func course(_ course: Course) -> [String: Any] {
            ["id": course.id, "credits": course.credits, "category": course.category, "topics": course.topics, "hours": course.hours,
             "cost": course.cost,
             "prerequisites": course.prerequisites,
             "outcomes": course.outcomes.map { ["area": $0.area, "level": $0.level.rank, "entry": $0.entry.map { $0.rank as Any } ?? NSNull()] }]
        }
        return [
            "courses": courses.map(course),
            "levels": levels.mapValues(\.rank),
            "gaps": gaps.map { ["area": $0.area, "required": $0.required.rank] },
            "earned": earned, "total": total, "caps": caps,
            "minimums": minimums.indices.map { k in
                ["category": minimums[k].category, "topic": minimums[k].topic.map { $0 as Any } ?? NSNull(),
                 "credits": minimums[k].credits, "earned": earnedTowardMinimums[k]]
            },
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
