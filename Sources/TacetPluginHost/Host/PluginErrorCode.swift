/// Codes of plugin problems and failures: `plugin.*` in every output.
///
/// Manifest problems are input errors (exit 2); run-time failures are findings whose severity
/// `--plugin-failures` sets.
public enum PluginErrorCode: String, Sendable, CaseIterable {
    // Manifests and folders.
    /// A `--plugins` directory does not exist.
    case noDirectory = "plugin.no-directory"
    /// A folder in a plugin directory has no plugin.yaml.
    case noManifest = "plugin.no-manifest"
    /// plugin.yaml is not of kind Plugin.
    case notAManifest = "plugin.not-a-manifest"
    /// The name breaks the pattern or differs from the folder's.
    case invalidName = "plugin.invalid-name"
    /// Two plugins share a name.
    case duplicateName = "plugin.duplicate-name"
    /// The command is absolute, missing, not executable, or resolves outside the folder.
    case commandEscapes = "plugin.command-escapes"
    /// The executable's SHA-256 differs from the pinned one.
    case checksum = "plugin.checksum"

    // Running.
    /// The document has a value JSON cannot hold (`.inf`), so it was not sent.
    case documentNotSendable = "plugin.document-not-sendable"
    /// Host and plugin share no protocol version.
    case protocolMismatch = "plugin.protocol"
    /// The process could not be started.
    case spawnFailed = "plugin.spawn-failed"
    /// It ran past its timeout and was killed.
    case timeout = "plugin.timeout"
    /// A signal ended it.
    case crashed = "plugin.crashed"
    /// It exited with a non-zero status.
    case exitStatus = "plugin.exit-status"
    /// It wrote more than the cap to stdout or stderr.
    case outputTooLarge = "plugin.output-too-large"
    /// It exited without reading its whole request.
    case requestUnread = "plugin.request-unread"
    /// Its standard output is not the JSON the protocol asks for.
    case malformedOutput = "plugin.malformed-output"
    /// Its JSON breaks a protocol rule (rule ids, names, empty messages).
    case invalidResponse = "plugin.invalid-response"
    /// It reported a rule it did not describe.
    case undeclaredRule = "plugin.undeclared-rule"
    /// A finding's JSON Pointer names nothing in the document.
    case badPointer = "plugin.bad-pointer"
    /// It answered with an `error` object: it could not judge the document.
    case couldNotJudge = "plugin.could-not-judge"

    /// What went wrong, in one line, for rule lists (SARIF) where the code stands for every such failure.
    public var summary: String {
        switch self {
        case .noDirectory: "a --plugins directory does not exist"
        case .noManifest: "a folder in a plugin directory has no plugin.yaml"
        case .notAManifest: "plugin.yaml is not a document of kind Plugin"
        case .invalidName: "a plugin's name breaks the naming pattern or differs from its folder's"
        case .duplicateName: "two plugins share a name"
        case .commandEscapes: "a plugin's command is absolute, missing, not executable, or resolves outside its folder"
        case .checksum: "a plugin executable's SHA-256 differs from the one its manifest pins"
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
}
