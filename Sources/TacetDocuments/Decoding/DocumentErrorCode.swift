/// The codes of document-level errors; the raw value is the diagnostic code.
public enum DocumentErrorCode: String, Sendable, Hashable, CaseIterable {
    /// A key the document kind does not define.
    case unknownKey = "document.unknown-key"
    /// A required key is absent.
    case missingKey = "document.missing-key"
    /// A value of the wrong shape or type.
    case wrongType = "document.wrong-type"
    /// A value outside its allowed set or format.
    case invalidValue = "document.invalid-value"
    /// A reference to something not defined.
    case undefinedReference = "document.undefined-reference"
    /// Two things share an id that must be unique.
    case duplicateID = "document.duplicate-id"
    /// A value written twice in a list that is a set, such as a step's data classes.
    case duplicateValue = "document.duplicate-value"
    /// `apiVersion` is missing or not one Tacet reads.
    case apiVersion = "document.api-version"
    /// `kind` is missing or unknown.
    case kind = "document.kind"
    /// The file could not be read.
    case io = "io.read"
    /// A foreign format (such as the framework export) is not as expected.
    case importFormat = "import.format"
}
