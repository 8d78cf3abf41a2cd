import TacetDocuments

/// A training course a therapist must hold, current, because a policy requires it of the workflow
/// steps they perform with AI.
public struct TrainingNeed: Sendable, Hashable {
    /// The catalog course id.
    public var course: String
    /// Why, one line per step that needs it.
    public var reasons: [String]

    /// Creates a need.
    public init(course: String, reasons: [String]) {
        self.course = course
        self.reasons = reasons
    }
}
