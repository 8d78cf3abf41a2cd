import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// `tacet convert FILE`: any single YAML document as the JSON plugins receive.
package enum ConvertCommand {
    /// Parses `file` and renders it as JSON; exit 2 with a positioned error when it is not valid YAML.
    package static func run(file: String, pretty: Bool = true, limits: YAMLLimits = .default) -> ToolOutcome {
        let loader = WorkspaceLoader(limits: limits)
        let (bytes, root, diagnostics) = loader.parse(file: file)
        let sources = bytes.map { [file: $0] } ?? [:]
        guard let root else { return .invalid(diagnostics, sources: sources) }
        do {
            return ToolOutcome(output: try root.jsonText(pretty: pretty) + "\n", sources: sources, status: .ok)
        } catch {
            return .invalid([error.diagnostic(file: file)], sources: sources)
        }
    }
}
