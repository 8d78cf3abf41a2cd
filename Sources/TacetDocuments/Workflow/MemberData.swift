/// In a group workflow, whose data a step sends to AI.
public enum MemberData: String, DocumentKeyword, Codable {
    /// Only the one client's whose record it is: other members' data is kept out.
    case own
    /// Other group members' data as well.
    case group

    public static let keywordDescription = "member data"
}
