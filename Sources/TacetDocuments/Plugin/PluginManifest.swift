import TacetYAML

/// A checker plugin's manifest, `Plugins/NAME/plugin.yaml` (kind `Plugin`).
public struct PluginManifest: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.plugin

    /// The document's metadata: `name` must match the folder, `version` is semver.
    public var metadata: Metadata
    /// The argv to run, resolved inside the plugin folder.
    public var command: [String]
    /// The protocol versions the plugin speaks.
    public var protocols: [Int]
    /// The document kinds it checks.
    public var kinds: [DocumentKind]
    /// Seconds a call may take before the plugin is stopped.
    public var timeout: Double
    /// The SHA-256 of the executable, hex, when pinned.
    public var sha256: String?

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> PluginManifest? {
        let command: [String]? = fields.required("command", in: &context)
        let protocols: [Int]? = fields.requiredSet("protocols", in: &context)
        let kinds: [DocumentKind]? = fields.requiredSet("kinds", in: &context)
        let timeout = fields.optional("timeout", default: 10.0, in: &context)
        let sha256: String? = fields.optional("sha256", in: &context)
        let root = fields.node
        if let version = metadata.version, !Self.isSemver(version) {
            context.error(.invalidValue, "version '\(version)' is not a semantic version", at: root.node(at: "/metadata/version") ?? root,
                          pointer: "/metadata/version", hint: "write MAJOR.MINOR.PATCH, e.g. \"1.0.0\"")
        } else if metadata.version == nil {
            context.error(.missingKey, "a plugin's metadata needs a 'version'", at: root.node(at: "/metadata") ?? root,
                          pointer: "/metadata")
        }
        if let command, command.isEmpty {
            context.error(.invalidValue, "command is empty", at: root["command"] ?? root, pointer: "/command",
                          hint: "name the executable inside the plugin folder, e.g. [./check]")
        }
        if !(timeout > 0 && timeout <= 600) {
            context.error(.invalidValue, "timeout must be more than 0 and at most 600 seconds", at: root["timeout"] ?? root,
                          pointer: "/timeout")
        }
        if let sha256, sha256.count != 64 || !sha256.allSatisfy(\.isHexDigit) {
            context.error(.invalidValue, "sha256 must be 64 hexadecimal digits", at: root["sha256"] ?? root,
                          pointer: "/sha256")
        }
        guard let command, let protocols, let kinds else { return nil }
        return PluginManifest(metadata: metadata, command: command, protocols: protocols, kinds: kinds,
                              timeout: timeout, sha256: sha256)
    }

    /// Whether `text` is MAJOR.MINOR.PATCH with optional pre-release and build parts.
    static func isSemver(_ text: String) -> Bool {
        let core = text.split(separator: "+", maxSplits: 1)[0].split(separator: "-", maxSplits: 1)[0]
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (part == "0" || part.first != "0")
        }
    }
}
