/// One problem found in the input: a YAML error, a document error, or a policy finding.
///
/// Every layer of Tacet reports through this type so that all output formats render the same facts.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious it is.
    public var severity: Severity
    /// A stable identifier: an error code such as `yaml.syntax`, or a rule id.
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
    /// The checker plugin that reported it, or nil for Tacet's own checks.
    public var plugin: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity,
        code: String,
        message: String,
        location: SourceLocation? = nil,
        pointer: String? = nil,
        hint: String? = nil,
        notes: [DiagnosticNote] = [],
        citations: [String] = [],
        plugin: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.pointer = pointer
        self.hint = hint
        self.notes = notes
        self.citations = citations
        self.plugin = plugin
    }

    /// Creates an error diagnostic.
    public static func error(
        _ code: String, _ message: String, at location: SourceLocation?, pointer: String? = nil,
        hint: String? = nil, notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, location: location, pointer: pointer, hint: hint, notes: notes)
    }
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
