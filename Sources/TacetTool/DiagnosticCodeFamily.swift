import TacetDiagnostics

/// One family of diagnostic codes: the codes that share a prefix and the module that reports them.
package struct DiagnosticCodeFamily: Sendable {
    /// The family's heading in the code reference, such as "Requirements".
    package var title: String
    /// What the family's codes have in common, in a sentence or two for the code reference.
    package var about: String
    /// The family's codes, in the order their enum declares them.
    package var codes: [any DiagnosticCode]

    /// Creates a family of the cases of `type`.
    package init<Code: DiagnosticCode & CaseIterable>(_ title: String, _ type: Code.Type, about: String) {
        self.title = title
        self.about = about
        codes = Array(type.allCases)
    }
}
