import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// `tacet framework import FILE.json`: converts the competency export into a `Framework` document.
package enum FrameworkImportCommand {
    /// Imports `input`; writes the YAML to `output` (atomically) or returns it as standard output.
    package static func run(input: String, output: String?) -> ToolOutcome {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.contents(of: input)
        } catch {
            return .invalid(error.diagnostics)
        }
        let framework: Framework
        do {
            framework = try FrameworkImporter.importExport(bytes, file: input)
        } catch {
            return .invalid(error.diagnostics, sources: [input: bytes])
        }
        let name = (input as NSString).lastPathComponent
        let text = YAMLWriter.write(framework.yamlValue, comments: [
            "Imported by `tacet framework import` from \(name).",
            "\(framework.statements.count) statements in \(CompetencyLevel.allCases.count) levels; ids are slugs of the statement names.",
        ])
        guard let output else { return ToolOutcome(output: text, status: .ok) }
        do {
            try FileIO.writeAtomically(text, to: output, inputs: [input])
        } catch {
            return .invalid(error.diagnostics)
        }
        return ToolOutcome(summary: "wrote \(output): \(framework.statements.count) statements", status: .ok)
    }
}
