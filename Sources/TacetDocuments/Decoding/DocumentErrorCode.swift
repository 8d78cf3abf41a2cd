import TacetDiagnostics

/// Problems with a document's content (`document.*`) and with importing foreign formats (`import.*`).
public enum DocumentErrorCode: String, Sendable, Hashable, CaseIterable, DiagnosticCode {
    case unknownKey = "document.unknown-key"
    case missingKey = "document.missing-key"
    case wrongType = "document.wrong-type"
    case invalidValue = "document.invalid-value"
    case undefinedReference = "document.undefined-reference"
    case duplicateID = "document.duplicate-id"
    case duplicateValue = "document.duplicate-value"
    case unknownCategory = "document.unknown-category"
    case apiVersion = "document.api-version"
    case kind = "document.kind"
    case importFormat = "import.format"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .unknownKey: "a key the document kind does not define"
        case .missingKey: "a required key is absent"
        case .wrongType: "a value of the wrong shape or type"
        case .invalidValue: "a value outside its allowed set or format"
        case .undefinedReference: "a reference to something not defined"
        case .duplicateID: "two things share an id that must be unique"
        case .duplicateValue: "a value written twice in a list that is a set, such as a step's data classes"
        case .unknownCategory: "a therapist's completed course is in a credit category the Requirements for their credential do not list"
        case .apiVersion: "`apiVersion` is missing or not one Tacet reads"
        case .kind: "`kind` is missing or unknown"
        case .importFormat: "a foreign format (such as the framework export) is not as expected"
        }
    }

    /// The severity these codes are reported with.
    public var defaultSeverity: Severity { .error }
}
