/// The environment a plugin sees: a short allowlist of the host's, plus what the protocol adds.
/// Anything else in the host's environment (tokens, keys, database URLs) never reaches a plugin.
public enum PluginEnvironment {
    /// Host variables passed through when set.
    public static let passedThrough = ["PATH", "HOME", "LANG", "TMPDIR"]

    /// The environment for `plugin`.
    public static func make(host: [String: String], plugin: DiscoveredPlugin, versions: [Int]) -> [String: String] {
        var environment: [String: String] = [:]
        for name in passedThrough {
            if let value = host[name] { environment[name] = value }
        }
        environment["TACET_PLUGIN_DIR"] = plugin.folder
        environment["TACET_PLUGIN_NAME"] = plugin.name
        environment["TACET_PROTOCOL_VERSIONS"] = versions.map(String.init).joined(separator: ",")
        return environment
    }
}
