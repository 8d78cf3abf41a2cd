import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost
import TacetTool
import TacetYAML

/// How a language server checks: what `tacet lsp`'s flags and environment set.
package struct LanguageServerOptions: Sendable {
    /// The YAML limits every document is read under; the frame limits follow from them.
    package var limits: YAMLLimits
    /// The day exceptions and training are judged on; nil for the day of each check.
    package var today: CalendarDate?
    /// This `tacet`'s shipped defaults, for a project that says `defaults: shipped` and for shipped plugins.
    package var installation: Installation?
    /// How checker plugins run on save; nil to run none.
    package var plugins: PluginRunOptions?
    /// The process environment, for `TACET_PLUGIN_PATH`.
    package var environment: [String: String]
    /// The URI the codes' documentation paths (`docs/codes.md#…`) are read against, ending in `/`; nil
    /// to link no documentation. A client's `initializationOptions.documentationBase` overrides it.
    package var documentationBase: String?

    /// Creates options.
    package init(limits: YAMLLimits = .default, today: CalendarDate? = nil, installation: Installation? = nil,
                 plugins: PluginRunOptions? = nil, environment: [String: String] = [:], documentationBase: String? = nil) {
        self.limits = limits
        self.today = today
        self.installation = installation
        self.plugins = plugins
        self.environment = environment
        self.documentationBase = documentationBase
    }

    /// The `file:` URI of the folder holding `docs/codes.md` in `installation` (the source tree, or an
    /// installed share/tacet that holds the docs), or nil when it has none.
    package static func documentationBase(in installation: Installation?) -> String? {
        guard let root = installation?.root,
              FileManager.default.fileExists(atPath: root + "/" + DiagnosticCodeReference.path) else { return nil }
        return URL(fileURLWithPath: root, isDirectory: true).absoluteString
    }
}
