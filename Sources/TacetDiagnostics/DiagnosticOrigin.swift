/// Who reported a diagnostic. Reports list plugin findings under their plugin and tell a plugin's
/// failure from its findings by it; which list a diagnostic is in (a report's findings or its input
/// problems, which decide exit 2) is up to the command that made it.
public enum DiagnosticOrigin: Sendable, Hashable, Codable {
    /// A problem with the input itself (unreadable files, invalid YAML or documents, broken policies,
    /// exceptions that cannot apply) or with how the tool was asked to run.
    case input
    /// A judgement of Tacet's own: requirements, policy rules, learning-plan audits, lint and the planner.
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
