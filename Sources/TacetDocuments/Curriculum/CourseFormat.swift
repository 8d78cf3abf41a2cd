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
    /// Not a course: a professional activity (committee service, presenting, supervising an intern)
    /// that a Requirements document credits. Set by Tacet for those activities; a catalog cannot use it.
    case activity

    public static let keywordDescription = "course format"
}
