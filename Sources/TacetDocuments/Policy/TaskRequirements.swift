/// What a task requires whenever AI is used for it.
public struct TaskRequirements: Sendable, Hashable {
    /// Human review before use, if required.
    public var review: ReviewRequirement?
    /// Whether the client's consent to AI use must be recorded.
    public var consent: Bool
    /// Whether AI involvement must be disclosed in the record.
    public var disclosure: Bool
    /// The data classes the task may send to AI; nil means the tool's own list decides.
    public var data: [DataClass]?
    /// Catalog course ids the performer must hold, current, before using AI for the task (a renewable
    /// course lapses after its catalog renewal period).
    public var training: [String]

    /// No requirements.
    public static let none = TaskRequirements(review: nil, consent: false, disclosure: false, data: nil)

    /// Creates requirements.
    public init(review: ReviewRequirement?, consent: Bool, disclosure: Bool, data: [DataClass]?, training: [String] = []) {
        self.review = review
        self.consent = consent
        self.disclosure = disclosure
        self.data = data
        self.training = training
    }
}
