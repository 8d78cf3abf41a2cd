/// The operators a rule condition may use on a fact.
public enum ConditionOperator: String, DocumentKeyword, Codable {
    /// The fact equals the value.
    case equals
    /// The fact differs from the value.
    case notEquals
    /// The fact is one of the values (a sequence).
    case `in`
    /// The fact is none of the values (a sequence).
    case notIn
    /// The fact (a list or text) contains the value.
    case contains
    /// The fact is present (value `true`) or absent (value `false`).
    case exists
    /// The fact is at or above the value on its ordered scale (AI-use or competency level).
    case atLeast
    /// The fact is at or below the value on its ordered scale.
    case atMost
    /// The fact (text) matches the value, a regular expression.
    case matches

    public static let keywordDescription = "condition operator"
}
