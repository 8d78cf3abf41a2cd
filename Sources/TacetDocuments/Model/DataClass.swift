/// What kind of client data a step sends to a tool.
public enum DataClass: String, DocumentKeyword, Codable, Comparable {
    /// No client data.
    case none
    /// De-identified client data (not PHI under HIPAA).
    case deidentified
    /// Protected health information.
    case phi

    public static let keywordDescription = "data class"

    /// 0 for none, 1 for deidentified, 2 for phi: the order of increasing sensitivity.
    public var rank: Int {
        switch self {
        case .none: 0
        case .deidentified: 1
        case .phi: 2
        }
    }

    public static func < (lhs: DataClass, rhs: DataClass) -> Bool { lhs.rank < rhs.rank }
}
