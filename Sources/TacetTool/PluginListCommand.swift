import TacetDiagnostics
import TacetPluginHost
import TacetPluginProtocol
import TacetReports

/// `tacet plugin list`: every plugin found, whether its manifest is valid, and the rules it describes.
package enum PluginListCommand {
    /// Discovers the plugins on the search path in `settings` and asks each to describe itself; lists the
    /// shadowed ones and the folders searched. Exit 2 for invalid manifests (or a missing folder the user
    /// named), 1 when a plugin fails to describe itself, else 0.
    package static func run(_ settings: PluginSettings) async -> ToolOutcome {
        let catalog = PluginDiscovery(hostVersions: settings.options.hostVersions).discover(searching: settings.directories)
        let host = PluginHost(options: settings.options)
        var text = ""
        var failures: [Diagnostic] = []
        // Names, versions, folders and rule summaries come from plugins and their manifests: shown, not obeyed.
        let shown = DisplayText.escaped
        for plugin in catalog.plugins {
            let manifest = plugin.manifest
            text += "\(shown(plugin.name)) \(shown(manifest.metadata.version ?? "-"))  \(shown(plugin.folder))\n"
            text += "  kinds: \(manifest.kinds.map(\.rawValue).joined(separator: ", ")); protocols: "
                + "\(manifest.protocols.map(String.init).joined(separator: ", ")); timeout: \(Wording.number(manifest.timeout)) s\n"
            switch await host.describe(plugin) {
            case .success(let described):
                text += "  speaks protocol \(described.version); \(Wording.plural(described.rules.count, "rule")):\n"
                for rule in described.description.rules {
                    text += "    \(shown(rule.id)) (\(rule.severity.rawValue)): \(shown(rule.summary))\n"
                }
            case .failure(let failure):
                text += "  FAILED to describe itself: \(shown(failure.phrase))\n"
                failures.append(failure.diagnostic(describing: plugin, severity: .error))
            }
        }
        if !catalog.shadowed.isEmpty {
            text += "\nShadowed (not run: a plugin of the same name comes earlier in the search path):\n"
            for shadowed in catalog.shadowed {
                text += "  \(shown(shadowed.name))  \(shown(shadowed.folder)), by \(shown(shadowed.winner))\n"
            }
        }
        if let problem = settings.options.describeCache?.writeProblem {
            // Never a failure: the next run asks the plugins afresh.
            text += "\nnote: describe answers could not be cached (\(problem))\n"
        }
        let invalid = catalog.problems.contains { $0.severity == .error }
        text += "\n\(Wording.plural(catalog.plugins.count, "valid plugin")) in \(shown(catalog.searchedPhrase))"
        text += invalid ? "; some manifests are invalid (above)\n" : "\n"
        let status: ExitStatus = invalid ? .invalid : failures.isEmpty ? .ok : .findings
        return ToolOutcome(output: text, diagnostics: catalog.problems + failures, sources: catalog.sources, status: status)
    }
}
