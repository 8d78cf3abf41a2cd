import TacetDiagnostics
import TacetEngine

/// Every rule a run can report, described once: Tacet's checks (requirements and plan audits), each
/// policy's rules, the other codes findings carry (plugin failures), described from the code registry or,
/// for an id nothing describes, in general terms (so no finding is ever left without a rule), and each
/// plugin's rules apart under the plugin.
package struct RuleCatalog: Sendable {
    /// Tacet's own rules, in a stable order: requirements, plan audits, policy rules by policy name, then
    /// the rest. A rule's index here is its SARIF `ruleIndex`.
    package private(set) var rules: [RuleDescriptor] = []
    /// The plugins that ran, in name order, each with its rules.
    package private(set) var plugins: [PluginRules]
    private var ruleIndex: [String: Int] = [:]
    private var pluginIndex: [String: (plugin: Int, rules: [String: Int])] = [:]

    /// Where a finding's rule is described.
    package enum Place: Sendable, Equatable {
        /// Tacet's own rule at this index of ``rules``.
        case tacet(index: Int)
        /// Rule `index` of plugin `plugin` (an index into ``plugins``).
        case plugin(plugin: Int, index: Int)
    }

    /// Builds the catalog of `input`.
    package init(_ input: ReportInput) {
        plugins = input.plugins.sorted { $0.name < $1.name }
        for (position, plugin) in plugins.enumerated() {
            let rules = Dictionary(plugin.rules.enumerated().map { ($1.id, $0) }) { first, _ in first }
            pluginIndex[plugin.name] = (position, rules)
        }
        for check in input.checks {
            add(RuleDescriptor(id: check.id, summary: "Checks that \(check.summary).", severity: check.defaultSeverity,
                               helpPath: check.documentation))
        }
        for name in input.policies.keys.sorted() {
            for rule in input.policies[name]?.rules ?? [] {
                add(RuleDescriptor(id: rule.id, summary: rule.rule.message,
                                   detail: "Policy rule '\(rule.id)' of policy '\(name)', defined at \(rule.location.description).",
                                   hint: rule.rule.hint, severity: rule.rule.severity, citations: rule.rule.cite))
            }
        }
        let codes = Dictionary(input.codes.map { ($0.id, $0) }) { first, _ in first }
        let findings = input.report.findings + input.report.suppressed.map(\.finding)
        for finding in findings where place(of: finding) == nil {
            if let code = codes[finding.code] {
                add(RuleDescriptor(id: code.id, summary: "Reports that \(code.summary).", severity: code.defaultSeverity,
                                   helpPath: code.documentation))
            } else {
                add(RuleDescriptor(id: finding.code, summary: "Findings reported under '\(finding.code)'.", severity: finding.severity))
            }
        }
    }

    /// Where `finding`'s rule is described: under its plugin when the plugin described it, else among
    /// Tacet's own (plugin failures are Tacet's findings about a plugin).
    package func place(of finding: Diagnostic) -> Place? {
        if let name = finding.plugin, let plugin = pluginIndex[name], let index = plugin.rules[finding.code] {
            return .plugin(plugin: plugin.plugin, index: index)
        }
        return ruleIndex[finding.code].map { .tacet(index: $0) }
    }

    private mutating func add(_ rule: RuleDescriptor) {
        guard ruleIndex[rule.id] == nil else { return }
        ruleIndex[rule.id] = rules.count
        rules.append(rule)
    }
}
