import TacetDiagnostics

extension Severity: DocumentKeyword {
    public static let keywordDescription = "severity"
}
