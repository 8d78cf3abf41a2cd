/// The framework's mastery levels, in order: emerging < developing < proficient < advanced.
public enum CompetencyLevel: String, DocumentKeyword, Codable, Comparable {
    /// Entry level, working under supervision.
    case emerging
    /// Working with moderate oversight.
    case developing
    /// Working independently.
    case proficient
    /// Leading others and the organisation.
    case advanced

    public static let keywordDescription = "competency level"

    /// 0 for emerging up to 3 for advanced.
    public var rank: Int {
        // A switch, not a search of allCases: levels are compared for every step of every workflow.
        switch self {
        case .emerging: 0
        case .developing: 1
        case .proficient: 2
        case .advanced: 3
        }
    }

    public static func < (lhs: CompetencyLevel, rhs: CompetencyLevel) -> Bool { lhs.rank < rhs.rank }
}
