import TacetDiagnostics

/// Codes of plugin problems and failures: `plugin.*` in every output.
///
/// Manifest problems are input errors (exit 2); run-time failures are findings whose severity
/// `--plugin-failures` sets.
public enum PluginErrorCode: String, Sendable, CaseIterable, DiagnosticCode {
    // Manifests and folders.
    case noDirectory = "plugin.no-directory"
    case noManifest = "plugin.no-manifest"
    case notAManifest = "plugin.not-a-manifest"
    case invalidName = "plugin.invalid-name"
    case commandEscapes = "plugin.command-escapes"
    case checksum = "plugin.checksum"
    case unknown = "plugin.unknown"

    // Running.
    case documentNotSendable = "plugin.document-not-sendable"
    case protocolMismatch = "plugin.protocol"
    case spawnFailed = "plugin.spawn-failed"
    case timeout = "plugin.timeout"
    case crashed = "plugin.crashed"
    case exitStatus = "plugin.exit-status"
    case outputTooLarge = "plugin.output-too-large"
    case requestUnread = "plugin.request-unread"
    case malformedOutput = "plugin.malformed-output"
    case invalidResponse = "plugin.invalid-response"
    case undeclaredRule = "plugin.undeclared-rule"
    case badPointer = "plugin.bad-pointer"
    case couldNotJudge = "plugin.could-not-judge"

    /// What went wrong, in one line.
    public var summary: String {
        switch self {
        case .noDirectory: "a plugin directory named by --plugins or the project file does not exist"
        case .noManifest: "a folder in a plugin directory has no plugin.yaml"
        case .notAManifest: "a plugin folder's plugin.yaml is not a document of kind Plugin"
        case .invalidName: "a plugin's name breaks the naming pattern or differs from its folder's"
        case .commandEscapes: "a plugin's command is absolute, missing, not executable, or resolves outside its folder"
        case .checksum: "a plugin executable's SHA-256 differs from the one its manifest pins"
        case .unknown: "no valid plugin has the name a command was given"
        case .documentNotSendable: "a document has a value JSON cannot hold, so it was not sent to the plugin"
        case .protocolMismatch: "Tacet and the plugin share no protocol version"
        case .spawnFailed: "the plugin's process could not be started"
        case .timeout: "the plugin ran past its timeout and was killed"
        case .crashed: "a signal ended the plugin"
        case .exitStatus: "the plugin exited with a non-zero status"
        case .outputTooLarge: "the plugin wrote more than the cap to standard output or standard error"
        case .requestUnread: "the plugin exited without reading its whole request"
        case .malformedOutput: "the plugin's standard output is not the JSON the protocol asks for"
        case .invalidResponse: "the plugin's answer breaks a protocol rule"
        case .undeclaredRule: "the plugin reported a rule it did not describe"
        case .badPointer: "a plugin finding's JSON Pointer names nothing in the document"
        case .couldNotJudge: "the plugin answered that it could not judge the document"
        }
    }

    /// A folder without a manifest is only a warning (it may hold something else); every other problem
    /// is an error, and a run-time failure's severity is then set by `--plugin-failures`.
    public var defaultSeverity: Severity { self == .noManifest ? .warning : .error }
}
