import TacetDocuments

/// The value of a fact for one step; `missing` when the step, its task, tool or people lack it.
public enum FactValue: Sendable, Hashable, CustomStringConvertible {
    /// The step, its task, tool or people lack the fact.
    case missing
    /// Text.
    case string(String)
    /// A boolean.
    case bool(Bool)
    /// An AI-use level.
    case ai(AIUseLevel)
    /// A competency level.
    case level(CompetencyLevel)
    /// A set of data classes.
    case dataClasses(DataClasses)
    /// A whole number.
    case number(Int)
    /// A set of keywords of the fact's vocabulary.
    case keywords(Keywords)

    /// How `tacet explain` shows the value.
    public var description: String {
        switch self {
        case .missing: "(absent)"
        case .string(let text): "'\(text)'"
        case .bool(let flag): flag ? "true" : "false"
        case .ai(let level): level.rawValue
        case .level(let level): level.rawValue
        case .dataClasses(let set): "[" + set.classes.map(\.rawValue).joined(separator: ", ") + "]"
        case .number(let number): String(number)
        case .keywords(let set): "[" + set.words.joined(separator: ", ") + "]"
        }
    }
}
