/// What kind of client data a step sends to a tool.
public enum DataClass: String, DocumentKeyword, Codable, Comparable {
    /// No client data.
    case none
    /// De-identified client data (not PHI under HIPAA).
    case deidentified
    /// Protected health information.
    case phi

    public static let keywordDescription = "data class"

    public static func < (lhs: DataClass, rhs: DataClass) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
