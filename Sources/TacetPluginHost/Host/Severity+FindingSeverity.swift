import TacetDiagnostics
import TacetPluginProtocol

extension Severity {
    /// The severity a plugin finding reported.
    public init(_ severity: FindingSeverity) {
        switch severity {
        case .error: self = .error
        case .warning: self = .warning
        case .info: self = .info
        }
    }
}
