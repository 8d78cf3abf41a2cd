/// A kind of diagnostic Tacet itself reports, with a stable id that scripts, exceptions and policy tests
/// may name.
///
/// Each family of codes is one enum in the module that reports it (`yaml.*` in TacetYAML, `document.*`
/// in TacetDocuments, `requirement.*` in TacetEngine, ...), in the spirit of swift-format's finding
/// categories and Cedar's error codes. A code's ``summary`` is its only description: the code reference
/// (`docs/codes.md`), the SARIF rule list and the report formats all show it, so cases carry no doc
/// comment of their own that could drift from it. Rules a policy or a plugin defines are not codes:
/// their ids are data, and `Diagnostic(rule:severity:message:origin:)`
/// reports them.
public protocol DiagnosticCode: Sendable {
    /// The stable id printed in brackets, such as `requirement.ai-level`.
    var id: String { get }
    /// What the code means, in one line that reads on its own (no trailing full stop).
    var summary: String { get }
    /// The severity a diagnostic of this code has unless its reporter says otherwise.
    var defaultSeverity: Severity { get }
    /// Where the code is documented: a path relative to the repository's root, with an anchor.
    var documentation: String { get }
}

extension DiagnosticCode where Self: RawRepresentable, RawValue == String {
    /// The raw value: each family's enum spells its ids once, as raw values.
    public var id: String { rawValue }
}

extension DiagnosticCode {
    /// The code's entry in the code reference, whose anchors are the ids with dots as hyphens.
    public var documentation: String { DiagnosticCodeReference.path + "#" + DiagnosticCodeReference.anchor(of: id) }
}
