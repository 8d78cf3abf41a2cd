import TacetDiagnostics
import TacetDocuments
import TacetReports
import TacetYAML

/// `tacet validate PATH...`: loads every document and reports every diagnostic.
package enum ValidateCommand {
    /// Loads `paths`; exit 0 when every document is valid, 2 otherwise (and when nothing was found).
    package static func run(paths: [String], limits: YAMLLimits = .default) -> ToolOutcome {
        let workspace = WorkspaceLoader(limits: limits).load(paths)
        var diagnostics = workspace.diagnostics
        if workspace.files.isEmpty && diagnostics.isEmpty {
            diagnostics.append(.error(IOErrorCode.noDocuments, "no .yaml or .yml files found",
                                      at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1)))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let invalidFiles = Set(diagnostics.compactMap { $0.location?.file }).count
        let summary = "\(Wording.plural(workspace.files.count, "file")), \(Wording.plural(workspace.documents.count, "valid document")), "
            + (errors == 0 ? "no errors" : "\(Wording.plural(errors, "error")) in \(Wording.plural(invalidFiles, "file"))")
        return ToolOutcome(diagnostics: diagnostics, summary: summary, sources: workspace.sources,
                           status: errors > 0 ? .invalid : .ok)
    }
}
