/// One problem found in the input: a YAML error, a document error, or a policy finding.
///
/// Every layer of Tacet reports through this type so that all output formats render the same facts.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious it is.
    public var severity: Severity
    /// A stable identifier: a ``DiagnosticCode``'s id such as `yaml.syntax`, or the id of a rule a
    /// policy or a plugin defines.
    public var code: String
    /// One sentence saying what is wrong.
    public var message: String
    /// Where it is, when it has a place in a file.
    public var location: SourceLocation?
    /// The JSON Pointer (RFC 6901) of the offending node within its document, when known.
    public var pointer: String?
    /// How to fix it, when Tacet can tell.
    public var hint: String?
    /// Further places and facts that explain it.
    public var notes: [DiagnosticNote]
    /// Ids of the sources that ground it (policy citations).
    public var citations: [String]
    /// Who reported it.
    public var origin: DiagnosticOrigin

    /// Reports `code`, with the code's default severity unless `severity` says otherwise.
    public init(
        _ code: some DiagnosticCode,
        severity: Severity? = nil,
        message: String,
        origin: DiagnosticOrigin = .input,
        location: SourceLocation? = nil,
        pointer: String? = nil,
        hint: String? = nil,
        notes: [DiagnosticNote] = [],
        citations: [String] = []
    ) {
        self.init(rule: code.id, severity: severity ?? code.defaultSeverity, message: message, origin: origin,
                  location: location, pointer: pointer, hint: hint, notes: notes, citations: citations)
    }

    /// Reports a finding of a rule that a policy or a plugin defines, whose id is data, not a code.
    public init(
        rule: String,
        severity: Severity,
        message: String,
        origin: DiagnosticOrigin,
        location: SourceLocation? = nil,
        pointer: String? = nil,
        hint: String? = nil,
        notes: [DiagnosticNote] = [],
        citations: [String] = []
    ) {
        self.severity = severity
        self.code = rule
        self.message = message
        self.location = location
        self.pointer = pointer
        self.hint = hint
        self.notes = notes
        self.citations = citations
        self.origin = origin
    }

    /// An input error of `code`, the most common diagnostic in loaders and decoders.
    public static func error(
        _ code: some DiagnosticCode, _ message: String, at location: SourceLocation?, pointer: String? = nil,
        hint: String? = nil, notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(code, severity: .error, message: message, location: location, pointer: pointer, hint: hint, notes: notes)
    }

    /// The checker plugin that reported it, or whose failure it reports; nil for Tacet's own checks.
    public var plugin: String? { origin.pluginName }

    /// Whether this is Tacet's report that a plugin failed, not a plugin's finding.
    public var isPluginFailure: Bool {
        if case .pluginFailure = origin { return true }
        return false
    }

    /// Whether it is a problem with the input that makes the run invalid (exit 2).
    public var invalidatesInput: Bool { origin == .input && severity == .error }
}

extension Diagnostic: Comparable {
    /// Orders by location (unplaced first), then severity (most serious first), then code.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (.some(l), .some(r)) where l != r: return l < r
        default:
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            return (lhs.code, lhs.message) < (rhs.code, rhs.message)
        }
    }
}
