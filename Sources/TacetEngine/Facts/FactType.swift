import TacetDocuments

/// The type of a fact, which decides the operators and values a condition may use on it.
public enum FactType: String, Sendable, Hashable {
    /// Text: ids and free text.
    case string
    /// `true` or `false`.
    case bool
    /// An AI-use level, ordered human-only < ai-assisted < ai-drafted < ai-delegated.
    case aiLevel = "AI-use level"
    /// A competency level, ordered emerging < developing < proficient < advanced.
    case competencyLevel = "competency level"
    /// A set of data classes (none, deidentified, phi).
    case dataClasses = "list of data classes"
    /// A whole number, such as a count of days.
    case number
    /// A set of the fact's keywords (its ``Fact/vocabulary``), such as who consented.
    case keywords = "list of keywords"

    /// The operators that make sense on this type.
    public var operators: [ConditionOperator] {
        switch self {
        case .string: [.equals, .notEquals, .in, .notIn, .contains, .exists, .matches]
        case .bool: [.equals, .notEquals, .exists]
        case .aiLevel, .competencyLevel: [.equals, .notEquals, .in, .notIn, .atLeast, .atMost, .exists]
        case .dataClasses, .keywords: [.contains, .exists]
        case .number: [.equals, .notEquals, .atLeast, .atMost, .exists]
        }
    }
}
