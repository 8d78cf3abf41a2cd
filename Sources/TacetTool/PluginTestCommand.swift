import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost
import TacetPluginProtocol
import TacetReports
import TacetSchemas
import TacetYAML

/// `tacet plugin test NAME DOCUMENT...`: runs one plugin's describe and check on sample documents in the
/// protocol version it negotiates (protocol 2: the documents in one batch), validates every answer against
/// that version's JSON Schemas, says which protocol the plugin spoke, and shows the findings with positions.
package enum PluginTestCommand {
    /// Runs plugin `name` on `paths` (documents of its kinds are checked; the rest, such as policies
    /// and the roster, are context). Exit 2 for invalid input or an unknown plugin, 1 when an answer
    /// breaks the schemas or the protocol, else 0. A missing plugin directory or an invalid manifest
    /// is invalid input, as it is for `check` and `plugin list`: reported, and exit 2, even when the
    /// plugin tested is valid.
    package static func run(name: String, paths: [String], settings: PluginSettings, limits: YAMLLimits = .default) async -> ToolOutcome {
        let catalog = PluginDiscovery(limits: limits, hostVersions: settings.options.hostVersions).discover(searching: settings.directories)
        guard let plugin = catalog.plugins.first(where: { $0.name == name }) else {
            let known = catalog.plugins.map(\.name)
            let hint = Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'?" }
                ?? (known.isEmpty ? "no valid plugin in \(catalog.searchedPhrase)" : "valid plugins: \(known.joined(separator: ", "))")
            return .invalid(catalog.problems + [Diagnostic(PluginErrorCode.unknown, message: "no valid plugin named '\(name)'", hint: hint)],
                            sources: catalog.sources)
        }
        var outcome = await test(plugin, paths: paths, settings: settings, limits: limits, catalog: catalog)
        outcome.diagnostics = catalog.problems + outcome.diagnostics
        if catalog.problems.contains(where: { $0.severity == .error }) { outcome.status = .invalid }
        return outcome
    }

    /// Runs the describe and check exchanges of `plugin` on `paths`.
    private static func test(_ plugin: DiscoveredPlugin, paths: [String], settings: PluginSettings, limits: YAMLLimits,
                             catalog: PluginCatalog) async -> ToolOutcome {
        let name = plugin.name
        let workspace = WorkspaceLoader(limits: limits).load(paths)
        var sources = workspace.sources
        sources.merge(catalog.sources) { first, _ in first }
        guard !workspace.hasErrors else {
            return ToolOutcome(output: "\nplugin '\(name)' was not run: \(Tally.refusal(workspace))\n",
                               diagnostics: workspace.diagnostics, sources: sources, status: .invalid)
        }

        let host = PluginHost(options: settings.options)
        var text = ""
        var findings: [Diagnostic] = []
        var broken = false
        func report(_ failure: Diagnostic) {
            broken = true
            findings.append(failure)
        }

        let describeInput = PluginContext.describeRequest(versions: settings.options.hostVersions)
        let described: DescribedPlugin
        switch await host.exchange(plugin, verb: PluginProtocol.describeVerb, input: describeInput) {
        case .failure(let failure):
            report(failure.diagnostic(describing: plugin, severity: .error))
            return ToolOutcome(output: text, findings: findings, sources: sources, status: .findings)
        case .success(let exchange):
            let violations = validate(exchange.output, PluginSchemas.describeResponse)
            broken = broken || !violations.isEmpty
            text += section("describe", violations)
            switch host.interpretDescribe(exchange, of: plugin) {
            case .failure(let failure):
                report(failure.diagnostic(describing: plugin, severity: .error))
                return ToolOutcome(output: text, findings: findings, sources: sources, status: .findings)
            case .success(let answered):
                described = answered
                // `plugin test` always asks the plugin itself; a valid answer refreshes the cache for later runs.
                if violations.isEmpty, let cache = settings.options.describeCache,
                   let key = cache.key(for: plugin, hostVersions: settings.options.hostVersions) {
                    cache.store(exchange.output, for: key)
                }
            }
        }

        func versions(_ list: [Int]) -> String { list.map(String.init).joined(separator: ", ") }
        text += "protocol \(described.version) negotiated (the plugin speaks \(versions(described.description.protocols)); "
            + "tacet speaks \(versions(settings.options.hostVersions)))\n"
        let context = PluginContext(workspace.documents)
        let targets = workspace.documents.filter { described.kinds.contains($0.kind.rawValue) }
        if targets.isEmpty {
            text += "no document of the kinds \(DisplayText.escaped(described.kinds.sorted().joined(separator: ", "))) among the paths\n"
            broken = true
        }
        var sendable: [EncodedDocument] = []
        for document in targets {
            do {
                sendable.append(try context.encode(document))
            } catch {
                // The same failure `check` reports for a document it cannot send.
                report(PluginFailure.notSendable(error).diagnostic(checking: document, by: name, severity: .error))
            }
        }
        if described.version >= 2 {
            // Every document in as few calls as `check` would make with one process slot, each answer held
            // to the protocol 2 schema.
            for batch in PluginBatching.split(sendable, into: 1) {
                let documents = batch.map(\.document)
                switch await host.exchange(plugin, verb: PluginProtocol.checkVerb, request: context.batchRequest(for: batch),
                                           timeout: PluginBatching.timeout(plugin.manifest.timeout, documents: batch.count),
                                           outputCap: PluginBatching.outputCap(settings.options.outputCap, documents: batch.count)) {
                case .failure(let failure):
                    for document in documents {
                        report(failure.diagnostic(checking: document, by: name, severity: .error, batch: documents.count))
                    }
                case .success(let exchange):
                    let violations = validate(exchange.output, PluginSchemas.checkResponseV2)
                    broken = broken || !violations.isEmpty
                    let mapped = host.interpretBatch(exchange, on: documents, by: described)
                    broken = broken || mapped.contains(where: \.isPluginFailure)
                    findings += mapped
                    text += section("check of \(Wording.plural(documents.count, "document")) in one call", violations)
                    for document in documents {
                        let count = mapped.filter { !$0.isPluginFailure && $0.location?.file == document.file }.count
                        text += "  \(document.file): \(Wording.plural(count, "finding"))\n"
                    }
                }
            }
        } else {
            for encoded in sendable {
                let document = encoded.document
                switch await host.exchange(plugin, verb: PluginProtocol.checkVerb,
                                           input: Array(context.request(for: encoded, version: described.version).joined())) {
                case .failure(let failure):
                    report(failure.diagnostic(checking: document, by: name, severity: .error))
                case .success(let exchange):
                    let violations = validate(exchange.output, PluginSchemas.checkResponse)
                    broken = broken || !violations.isEmpty
                    let mapped = host.interpretCheck(exchange, on: document, by: described)
                    broken = broken || mapped.contains(where: \.isPluginFailure)
                    findings += mapped
                    let count = mapped.filter { !$0.isPluginFailure }.count
                    text += section("check \(document.file)", violations, detail: Wording.plural(count, "finding"))
                }
            }
        }
        // The verdict counts every finding shown and the plugin directory's own problems (an invalid manifest).
        let tally = Tally(findings: findings, problems: catalog.problems)
        text += (broken ? "\nplugin '\(name)' broke protocol \(described.version) (above)"
                        : "\nplugin '\(name)' follows protocol \(described.version)")
            + ": \(tally.countSentence)\n"
        return ToolOutcome(output: text, findings: findings.sorted(), sources: sources, status: broken ? .findings : .ok)
    }

    /// Schema violations of `output`, or why it is not JSON at all.
    static func validate(_ output: [UInt8], _ schema: String) -> [String] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(output)) else { return ["(top level): not JSON"] }
        // invariant: the embedded schemas are valid JSON; a test parses each of them.
        guard let validator = try? SchemaValidator(schema: schema) else { return ["the schema itself is unreadable"] }
        return validator.validate(value)
    }

    private static func section(_ title: String, _ violations: [String], detail: String? = nil) -> String {
        guard !violations.isEmpty else { return "\(title): valid\(detail.map { ", " + $0 } ?? "")\n" }
        // A violation can quote the plugin's answer: shown, not obeyed.
        return "\(title): \(Wording.plural(violations.count, "schema violation")):\n"
            + violations.map { "  \(DisplayText.escaped($0))\n" }.joined()
    }
}
