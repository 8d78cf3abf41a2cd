import TacetDiagnostics
import TacetPluginProtocol
import TacetTool

/// Turns Tacet's diagnostics into LSP `Diagnostic` objects: ranges in UTF-16 columns, severities, codes
/// linked to their documentation, notes as related information.
package struct DiagnosticConverter: Sendable {
    /// The documentation path of each code Tacet reports (`docs/codes.md#…`), by id.
    private let documentation: [String: String]
    /// The URI documentation paths are read against, or nil to link none.
    private let base: String?
    /// Where each policy rule is defined, by rule id, for findings of rules a policy defines.
    private let ruleDefinitions: [String: SourceLocation]

    /// A converter linking codes' documentation against `base` and policy rules to `ruleDefinitions`.
    package init(documentationBase base: String?, ruleDefinitions: [String: SourceLocation] = [:]) {
        documentation = Dictionary(DiagnosticCodes.all.map { ($0.id, $0.documentation) }) { first, _ in first }
        self.base = base
        self.ruleDefinitions = ruleDefinitions
    }

    /// The LSP diagnostic of `diagnostic`, placed in `source` (its file's text); `suppressedBy` names the
    /// exception that suppresses it, shown as a faded hint instead of a finding in force.
    ///
    /// - Parameter text: the text of any file a note points into, by path, for the notes' ranges.
    package func convert(_ diagnostic: Diagnostic, in source: SourceText, suppressedBy exception: String? = nil,
                         text: (String) -> SourceText?) -> JSONValue {
        let line = diagnostic.location?.line ?? 1
        let column = diagnostic.location?.column ?? 1
        var message = diagnostic.message
        if let exception { message += " (suppressed by exception '\(exception)')" }
        if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
        var related: [JSONValue] = []
        for note in diagnostic.notes {
            guard let location = note.location, let noteSource = text(location.file) else {
                message += "\nnote: \(note.message)"
                continue
            }
            related.append(Self.related(note.message, at: location, in: noteSource))
        }
        if let definition = ruleDefinitions[diagnostic.code], let ruleSource = text(definition.file) {
            related.append(Self.related("rule '\(diagnostic.code)' is defined here", at: definition, in: ruleSource))
        }
        var members: [String: JSONValue] = [
            "range": source.tokenRange(line: line, column: column).json,
            "severity": .number(Double(exception == nil ? Self.severity(diagnostic.severity) : 4)),
            "code": .string(diagnostic.code),
            "source": .string(diagnostic.plugin.map { "tacet plugin \($0)" } ?? "tacet"),
            "message": .string(message),
        ]
        if let base, let path = documentation[diagnostic.code] {
            members["codeDescription"] = .object(["href": .string(base + path)])
        }
        if !related.isEmpty { members["relatedInformation"] = .array(related) }
        // Unnecessary: editors fade what an exception has suppressed.
        if exception != nil { members["tags"] = .array([.number(1)]) }
        if let pointer = diagnostic.pointer { members["data"] = .object(["pointer": .string(pointer)]) }
        return .object(members)
    }

    /// LSP's `DiagnosticSeverity`: 1 error, 2 warning, 3 information (4, hint, is for suppressed findings).
    private static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }

    private static func related(_ message: String, at location: SourceLocation, in source: SourceText) -> JSONValue {
        .object(["message": .string(message),
                 "location": .object(["uri": .string(DocumentURI.uri(of: location.file)),
                                      "range": source.tokenRange(line: location.line, column: location.column).json])])
    }
}
