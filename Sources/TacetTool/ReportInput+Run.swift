import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginHost
import TacetReports

extension ReportInput {
    /// The report input of one `check` run: the engine's report, the team's documents, the plugins that
    /// described themselves, and descriptions for the plugin failure codes among the findings.
    init(_ report: CheckReport, documents: [LoadedDocument], described: [DescribedPlugin], failOn: Severity, linkBase: String?) {
        let plugins = described.map { plugin in
            PluginRules(name: plugin.description.name, version: plugin.description.version,
                        rules: plugin.description.rules.map { rule in
                            RuleDescriptor(id: rule.id, summary: rule.summary, hint: rule.hint, severity: Severity(rule.severity),
                                           citations: rule.citations ?? [])
                        })
        }
        let failures = Set((report.findings + report.suppressed.map(\.finding)).compactMap { PluginErrorCode(rawValue: $0.code) })
        let additional = PluginErrorCode.allCases.filter(failures.contains).map { code in
            RuleDescriptor(id: code.rawValue, summary: "Reports that \(code.summary).",
                           detail: "A checker plugin failed; see docs/plugin-protocol.md for what each failure means.",
                           severity: .error)
        }
        self.init(report: report, documents: documents, plugins: plugins, additionalRules: additional, failOn: failOn,
                  toolVersion: TacetVersion.current, workingDirectory: FileManager.default.currentDirectoryPath, linkBase: linkBase)
    }
}
