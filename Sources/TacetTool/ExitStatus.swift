/// Tacet's exit statuses, the same for every command.
public enum ExitStatus: Int32, Sendable {
    /// Everything valid; no finding at or above the failure threshold.
    case ok = 0
    /// Findings at or above the failure threshold.
    case findings = 1
    /// The input could not be read or is invalid, or the command could not run.
    case invalid = 2
}
