import ArgumentParser
import TacetDiagnostics

/// The severities `--plugin-failures` accepts: a failing plugin is never only information, so `info`
/// is not offered (and the help lists only these two).
enum PluginFailureSeverity: String, CaseIterable, ExpressibleByArgument {
    case error
    case warning

    /// The diagnostics' severity.
    var severity: Severity {
        switch self {
        case .error: .error
        case .warning: .warning
        }
    }
}
