/// The ages of the clients a workflow serves, as the policy's consent rules read them.
public enum AgeBand: String, DocumentKeyword, Codable {
    /// Children and adolescents, below the age of majority the policy assumes.
    case minors
    /// Adults only.
    case adults
    /// Minors and adults.
    case mixed

    public static let keywordDescription = "age band"
}
