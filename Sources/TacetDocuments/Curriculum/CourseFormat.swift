/// How a course is delivered.
public enum CourseFormat: String, DocumentKeyword, Codable {
    /// Live, in a room.
    case inPerson = "in-person"
    /// Live, online.
    case online
    /// Online, at the learner's pace.
    case selfPaced = "self-paced"
    /// Part in person, part online.
    case hybrid

    public static let keywordDescription = "course format"
}
