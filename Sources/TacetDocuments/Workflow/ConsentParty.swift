/// Who gave the consent a step records.
public enum ConsentParty: String, DocumentKeyword, Codable {
    /// The client, for themselves.
    case client
    /// A parent, guardian or legal representative, for a client who cannot consent for themselves.
    case guardian

    public static let keywordDescription = "consenting party"
}
