/// A field of a task a policy document may state, named as `tacet explain --task` shows it: what a
/// layer sets, and what it inherits from the policy it extends. Each case is the key of that name in a
/// task (the review's parts are the keys of its `review:`); its raw value is how explain names it.
public enum TaskField: String, Sendable, Hashable, CaseIterable {
    case title
    case area
    case maxAI
    case clinical
    case reviewRole = "review role"
    case reviewArea = "review area"
    case reviewMinLevel = "review minLevel"
    case consent
    case disclosure
    case data
    case training
    case rationale
    case clientTitle
    case clientDescription
    case classifies
    case cite

    /// The review's parts, which a layer may state one at a time.
    public static let review: [TaskField] = [.reviewRole, .reviewArea, .reviewMinLevel]
}
