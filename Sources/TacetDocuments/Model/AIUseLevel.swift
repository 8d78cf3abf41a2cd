/// How far AI may go in a task, in order: human-only < ai-assisted < ai-drafted < ai-delegated.
public enum AIUseLevel: String, DocumentKeyword, Codable, Comparable {
    /// AI is not used for the task.
    case humanOnly = "human-only"
    /// AI offers information or suggestions; the therapist does the task and authors every output.
    case aiAssisted = "ai-assisted"
    /// AI produces a draft; a therapist at the required level reviews, edits and signs it before use.
    case aiDrafted = "ai-drafted"
    /// AI performs the task; people oversee by audit (logistics only, never clinical judgement).
    case aiDelegated = "ai-delegated"

    public static let keywordDescription = "AI-use level"

    /// 0 for human-only up to 3 for ai-delegated.
    public var rank: Int {
        // A switch, not a search of allCases: levels are compared for every step of every workflow.
        switch self {
        case .humanOnly: 0
        case .aiAssisted: 1
        case .aiDrafted: 2
        case .aiDelegated: 3
        }
    }

    public static func < (lhs: AIUseLevel, rhs: AIUseLevel) -> Bool { lhs.rank < rhs.rank }
}
