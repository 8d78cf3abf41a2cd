/// How serious a diagnostic is; ordered so `error` is the highest.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Worth knowing; never fails a run by default.
    case info
    /// Probably wrong; fails a run only with `--fail-on warning`.
    case warning
    /// Wrong; fails a run.
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Compares by seriousness: `info < warning < error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
