/// How serious a plugin finding is; the same three levels as Tacet's own findings.
public enum FindingSeverity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Must be fixed: fails `tacet check` by default.
    case error
    /// Should be looked at.
    case warning
    /// For information.
    case info
}
