import TacetDiagnostics
import TacetDocuments
import TacetTool

/// The last check of the workspace with the open documents: what diagnostics and navigation read.
package struct Analysis: Sendable {
    /// The pipeline's run.
    package var run: CheckRun
    /// Every diagnostic to publish, by the path of its file, with the exception suppressing it when one does.
    package var diagnostics: [String: [(diagnostic: Diagnostic, suppressedBy: String?)]]

    /// The documents that decoded.
    package var documents: [LoadedDocument] { run.input.documents }
}
