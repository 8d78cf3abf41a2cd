import TacetYAML

/// A step's recording of a session (`recording:`): what it captures, whether the client consented to
/// the recording itself, how long it is kept, and what the tool derives from it.
public struct SessionRecording: Sendable, Hashable, NodeDecodable {
    /// What the recording captures: audio, video or both.
    public var media: [RecordingMedium]
    /// Whether the client's consent to the recording is recorded, apart from consent to AI use.
    public var consent: Bool?
    /// How many days the recording is kept before it is deleted.
    public var retentionDays: Int?
    /// What the tool derives from the recording.
    public var analysis: [RecordingAnalysis]?

    /// Creates a recording.
    public init(media: [RecordingMedium], consent: Bool? = nil, retentionDays: Int? = nil, analysis: [RecordingAnalysis]? = nil) {
        self.media = media
        self.consent = consent
        self.retentionDays = retentionDays
        self.analysis = analysis
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> SessionRecording? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a recording", in: &context) else { return nil }
        let media: [RecordingMedium]? = fields.requiredSet("media", in: &context)
        let consent: Bool? = fields.optional("consent", in: &context)
        let retentionDays: Int? = fields.optional("retentionDays", in: &context)
        let analysis: [RecordingAnalysis]? = fields.optionalSet("analysis", in: &context)
        fields.finish(&context)
        if let retentionDays, retentionDays < 0 {
            context.error(.invalidValue, "retentionDays must be 0 or more (the days the recording is kept)",
                          at: node["retentionDays"] ?? node, pointer: JSONPointer.appending("retentionDays", to: pointer))
        }
        if let media, media.isEmpty {
            context.error(.invalidValue, "a recording captures audio, video or both: media cannot be empty",
                          at: node["media"] ?? node, pointer: JSONPointer.appending("media", to: pointer))
            return nil
        }
        guard let media else { return nil }
        return SessionRecording(media: media, consent: consent, retentionDays: retentionDays, analysis: analysis)
    }
}
