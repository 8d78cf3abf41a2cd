/// What a session recording captures.
public enum RecordingMedium: String, DocumentKeyword, Codable {
    /// Sound only.
    case audio
    /// Picture, usually with sound.
    case video

    public static let keywordDescription = "recording medium"
}
