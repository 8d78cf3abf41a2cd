import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// Why one plugin call produced no usable answer.
public struct PluginFailure: Error, Sendable, Hashable {
    /// The failure's code.
    public var code: PluginErrorCode
    /// What happened, as a phrase that follows "plugin 'NAME' " (e.g. "timed out after 2 s").
    public var phrase: String
    /// The first lines of the plugin's standard error.
    public var errorLines: [String]

    /// Creates a failure.
    public init(_ code: PluginErrorCode, _ phrase: String, errorLines: [String] = []) {
        self.code = code
        self.phrase = phrase
        self.errorLines = errorLines
    }

    /// The failure for a document that holds a value JSON cannot (`.inf`), so no plugin is sent it.
    public static func notSendable(_ error: YAMLError) -> PluginFailure {
        PluginFailure(.documentNotSendable, "was not run: the document has no JSON form (\(error.message))")
    }

    /// Most lines of standard error quoted in a report.
    public static let quotedErrorLines = 5

    /// The failure as a diagnostic of `severity` at `location`.
    public func diagnostic(plugin: String, call: String, severity: Severity, at location: SourceLocation?,
                           pointer: String? = nil) -> Diagnostic {
        let notes = errorLines.isEmpty ? [DiagnosticNote("the plugin wrote nothing to stderr")]
            : errorLines.map { DiagnosticNote("stderr: " + $0) }
        return Diagnostic(code, severity: severity, message: "plugin '\(plugin)' \(phrase) (\(call))", origin: .pluginFailure(plugin),
                          location: location, pointer: pointer, hint: code.hint, notes: notes)
    }

    /// The failure of a `describe` call, placed at the manifest's `command`.
    public func diagnostic(describing plugin: DiscoveredPlugin, severity: Severity) -> Diagnostic {
        diagnostic(plugin: plugin.name, call: "describe", severity: severity, at: plugin.document.location(of: "/command"),
                   pointer: "/command")
    }

    /// The failure of a `check` call, placed at the document checked; a call that covered a batch of
    /// `batch` documents says so (`check of 4 documents`), since the same failure is on each of them.
    public func diagnostic(checking document: LoadedDocument, by plugin: String, severity: Severity, batch: Int = 1) -> Diagnostic {
        diagnostic(plugin: plugin, call: batch > 1 ? "check of \(batch) documents" : "check", severity: severity,
                   at: document.location(of: ""), pointer: "")
    }

    /// The first lines of `bytes`, decoded leniently and cut to a readable length. Lines end at LF
    /// (split by scalar: "\r\n" is one Character, so a CRLF line would not split by Character), and
    /// a CR ending one is the line end, not text; any other control stays, for renderers to escape.
    public static func lines(of bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self)
        return text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: true)
            .map { Substring($0.last == "\r" ? $0.dropLast() : $0) }
            .filter { !$0.isEmpty }
            .prefix(quotedErrorLines)
            .map { line in line.count > 200 ? String(line.prefix(200)) + "…" : String(line) }
    }
}

extension PluginErrorCode {
    /// What a plugin author or user can do about it.
    var hint: String {
        switch self {
        case .timeout: "make the plugin faster or raise timeout in its plugin.yaml (at most 600 s)"
        case .crashed, .exitStatus: "run `tacet plugin test NAME DOCUMENT` to reproduce it with the plugin's stderr"
        case .outputTooLarge: "a response should hold findings only; write diagnostics to stderr sparingly"
        case .requestUnread: "a plugin must read its whole request from stdin before answering"
        case .malformedOutput, .invalidResponse: "see docs/plugin-protocol.md for the response schema"
        // A describe answer read from the cache is the plugin as it was: a launcher script's program edited
        // since then changes neither key, so the likeliest cause after an edit is a stale answer.
        case .undeclaredRule: "list every rule the plugin reports in its describe response; if you changed the plugin, "
            + "run `tacet plugin list --refresh` (its describe answer may be cached)"
        case .badPointer: "point at a node of the request's document.content (RFC 6901)"
        case .couldNotJudge: "the plugin's message says why; the document is unchecked by it until fixed"
        case .protocolMismatch: "update the plugin or Tacet so they share a protocol version"
        default: "see docs/plugin-protocol.md"
        }
    }
}
