import TacetDiagnostics

/// What a report says about one rule: the description behind every finding that carries its id.
package struct RuleDescriptor: Sendable, Hashable {
    /// The id findings carry (`requirement.consent`, a policy rule id, `phi-scan/record-number`).
    package var id: String
    /// One line saying what the rule checks.
    package var summary: String
    /// A longer explanation (where the rule is defined, what it reads), when there is one.
    package var detail: String?
    /// How to fix what it finds, when there is one general answer.
    package var hint: String?
    /// The severity it reports with unless a finding says otherwise.
    package var severity: Severity
    /// Ids of the citations that ground it.
    package var citations: [String]
    /// Where Tacet documents it, a path relative to the repository with an anchor; nil for policy and plugin rules.
    package var helpPath: String?

    /// Creates a descriptor.
    package init(id: String, summary: String, detail: String? = nil, hint: String? = nil, severity: Severity,
                citations: [String] = [], helpPath: String? = nil) {
        self.id = id
        self.summary = summary
        self.detail = detail
        self.hint = hint
        self.severity = severity
        self.citations = citations
        self.helpPath = helpPath
    }
}
