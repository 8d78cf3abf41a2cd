/// What a tool derives from a session recording.
public enum RecordingAnalysis: String, DocumentKeyword, Codable {
    /// A written transcript of what was said or sung.
    case transcript
    /// A summary of the session's content.
    case summary
    /// The client's affect, emotion, mood or facial expression, read from the recording.
    case affect
    /// A score, rating or judgement of the client's functioning.
    case assessment

    public static let keywordDescription = "recording analysis"
}
