/// Who reported a diagnostic: what decides where it is listed and how it counts.
public enum DiagnosticOrigin: Sendable, Hashable, Codable {
    /// A problem with the input itself (unreadable files, invalid YAML or documents, broken policies,
    /// exceptions that cannot apply): an error among these makes a run invalid (exit 2).
    case input
    /// A finding of Tacet's own checks: requirements, policy rules and learning-plan audits.
    case engine
    /// A finding a checker plugin reported, under one of the rules it described.
    case plugin(String)
    /// Tacet's finding that a checker plugin failed (crashed, timed out, answered out of protocol).
    case pluginFailure(String)

    /// The plugin's name for plugin findings and failures; nil for Tacet's own.
    public var pluginName: String? {
        switch self {
        case .plugin(let name), .pluginFailure(let name): name
        case .input, .engine: nil
        }
    }
}
