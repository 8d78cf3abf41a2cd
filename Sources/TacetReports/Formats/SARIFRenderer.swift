import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginProtocol

/// Renders a check as SARIF 2.1.0 (OASIS): one run, Tacet as the tool driver with every rule it knows,
/// each plugin that ran as a tool extension with its own rules, findings as results, findings an
/// exception suppressed as results with an accepted suppression, and input problems as the
/// invocation's notifications.
///
/// JSON's escaping keeps the file well formed but not its text harmless: a viewer shows the decoded
/// strings, where a bidi override reorders what a line shows and a line break in a message starts a line
/// of the plugin's making. So every string a person reads (messages, fixes, rule texts, tool and location
/// names, suppression justifications) goes through ``DisplayText`` first, as in the text, `github` and
/// `markdown` formats, and the `markdown` help through ``MarkdownRenderer``'s inline escaping; the line
/// breaks left are the renderer's own. So do the citations and pointers in `properties`, which some
/// viewers list: nothing a plugin or the YAML wrote reaches the file raw. (Rule ids are slugs already;
/// fingerprints are digests of the original text.)
package enum SARIFRenderer {
    /// The schema URI SARIF files name.
    package static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `originalUriBaseIds` key artifact URIs are relative to: the working directory.
    package static let rootBase = "SRCROOT"

    /// The SARIF log of `input`, as pretty-printed JSON with sorted keys.
    package static func render(_ input: ReportInput) -> String {
        let catalog = RuleCatalog(input)
        var fingerprints = Fingerprint()
        let context = Context(input: input, catalog: catalog, citations: input.citations)
        var results: [JSONValue] = []
        for finding in input.report.findings {
            results.append(context.result(finding, suppression: nil, fingerprints: &fingerprints))
        }
        for entry in input.report.suppressed {
            results.append(context.result(entry.finding, suppression: entry, fingerprints: &fingerprints))
        }
        let driver: JSONValue = .object([
            "name": "tacet",
            "version": .string(input.toolVersion),
            "semanticVersion": .string(input.toolVersion),
            "rules": .array(catalog.rules.map(context.descriptor)),
        ])
        let extensions: [JSONValue] = catalog.plugins.map { plugin in
            .object([
                "name": .string(DisplayText.escaped(plugin.name)),
                "version": .string(DisplayText.escaped(plugin.version)),
                "rules": .array(plugin.rules.map(context.descriptor)),
            ])
        }
        var tool: [String: JSONValue] = ["driver": driver]
        if !extensions.isEmpty { tool["extensions"] = .array(extensions) }
        let run: JSONValue = .object([
            "tool": .object(tool),
            "originalUriBaseIds": .object([rootBase: .object(["uri": .string(FilePaths.directoryURI(input.workingDirectory))])]),
            "columnKind": "unicodeCodePoints",
            "invocations": .array([.object([
                "executionSuccessful": .bool(!input.report.inputInvalid),
                "toolExecutionNotifications": .array(input.report.problems.map(context.notification)),
            ])]),
            "results": .array(results),
        ])
        let log: JSONValue = .object(["$schema": .string(schemaURI), "version": "2.1.0", "runs": .array([run])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // invariant: a JSONValue tree of strings, whole numbers, booleans, arrays and objects always encodes.
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// What rendering one finding, rule or problem needs.
    private struct Context {
        let input: ReportInput
        let catalog: RuleCatalog
        let citations: [String: Citation]

        func descriptor(_ rule: RuleDescriptor) -> JSONValue {
            let shown = DisplayText.escaped
            var help = rule.hint.map { "Fix: \(shown($0))" } ?? "No general fix: see the finding's message."
            var markdown = rule.hint.map { "**Fix:** \(MarkdownRenderer.inline($0))" } ?? help
            let sources = rule.citations.map(citationText)
            if !sources.isEmpty {
                help += "\nSources:\n" + sources.map { "- \(shown($0))" }.joined(separator: "\n")
                markdown += "\n\n**Sources:**\n\n" + sources.map { "- \(MarkdownRenderer.inline($0))" }.joined(separator: "\n")
            }
            if let path = rule.helpPath {
                help += "\nDocumented in Tacet's \(path)."
                markdown += "\n\nDocumented in Tacet's `\(path)`."
            }
            var members: [String: JSONValue] = [
                "id": .string(rule.id),
                "shortDescription": .object(["text": .string(shown(rule.summary))]),
                "fullDescription": .object(["text": .string(shown(rule.detail.map { "\(rule.summary) \($0)" } ?? rule.summary))]),
                "help": .object(["text": .string(help), "markdown": .string(markdown)]),
                "defaultConfiguration": .object(["level": .string(level(rule.severity))]),
            ]
            if !rule.citations.isEmpty { members["properties"] = .object(["citations": .array(rule.citations.map { .string(shown($0)) })]) }
            if let uri = rule.citations.lazy.compactMap({ citations[$0]?.source }).first(where: Self.isWebURI) {
                members["helpUri"] = .string(uri)
            }
            return .object(members)
        }

        func result(_ finding: Diagnostic, suppression: SuppressedFinding?, fingerprints: inout Fingerprint) -> JSONValue {
            var members: [String: JSONValue] = [
                "ruleId": .string(finding.code),
                "level": .string(level(finding.severity)),
                "message": .object(["text": .string(messageText(finding))]),
            ]
            switch catalog.place(of: finding) {
            case .tacet(let index):
                members["ruleIndex"] = .number(Double(index))
            case .plugin(let plugin, let index):
                members["rule"] = .object(["id": .string(finding.code), "index": .number(Double(index)),
                                           "toolComponent": .object(["name": .string(DisplayText.escaped(catalog.plugins[plugin].name)),
                                                                     "index": .number(Double(plugin))])])
            case nil:
                break
            }
            if let location = finding.location {
                members["locations"] = .array([self.location(location, pointer: finding.pointer)])
            }
            let file = finding.location.map { input.path($0.file) } ?? ""
            members["partialFingerprints"] = .object([
                "tacetFinding/v1": .string(fingerprints.next(rule: finding.code, file: file, pointer: finding.pointer,
                                                            fallback: finding.location?.description ?? finding.message)),
            ])
            let related = finding.notes.compactMap { note in note.location.map { ($0, note.message) } }
            if !related.isEmpty {
                members["relatedLocations"] = .array(related.enumerated().map { index, note in
                    location(note.0, pointer: nil, message: note.1, id: index)
                })
            }
            var properties: [String: JSONValue] = [:]
            if let pointer = finding.pointer { properties["pointer"] = .string(DisplayText.escaped(pointer)) }
            if !finding.citations.isEmpty { properties["citations"] = .array(finding.citations.map { .string(DisplayText.escaped($0)) }) }
            if let plugin = finding.plugin { properties["plugin"] = .string(plugin) }
            if !properties.isEmpty { members["properties"] = .object(properties) }
            if let suppression {
                members["suppressions"] = .array([.object([
                    "kind": "external",
                    "status": "accepted",
                    "justification": .string("exception '\(DisplayText.escaped(suppression.exception))', owner "
                                             + "\(DisplayText.escaped(suppression.owner)), expires \(suppression.expires)"),
                ])])
            }
            return .object(members)
        }

        func notification(_ problem: Diagnostic) -> JSONValue {
            var members: [String: JSONValue] = [
                "level": .string(level(problem.severity)),
                "message": .object(["text": .string(messageText(problem))]),
                "descriptor": .object(["id": .string(problem.code)]),
            ]
            if let location = problem.location { members["locations"] = .array([self.location(location, pointer: problem.pointer)]) }
            return .object(members)
        }

        /// The message with the fix on a second line: SARIF has no field for a fix without edits. Both shown
        /// by ``DisplayText``, so that line break is the only one.
        func messageText(_ diagnostic: Diagnostic) -> String {
            let message = DisplayText.escaped(diagnostic.message)
            return diagnostic.hint.map { "\(message)\nFix: \(DisplayText.escaped($0))" } ?? message
        }

        func location(_ place: SourceLocation, pointer: String?, message: String? = nil, id: Int? = nil) -> JSONValue {
            let path = input.path(place.file)
            let artifact: [String: JSONValue]
            if path.hasPrefix("/") {
                artifact = ["uri": .string("file://" + FilePaths.uriReference(path))]
            } else {
                artifact = ["uri": .string(FilePaths.uriReference(path)), "uriBaseId": .string(rootBase)]
            }
            var members: [String: JSONValue] = [
                "physicalLocation": .object([
                    "artifactLocation": .object(artifact),
                    "region": .object(["startLine": .number(Double(place.line)), "startColumn": .number(Double(place.column))]),
                ]),
            ]
            if let pointer {
                members["logicalLocations"] = .array([.object(["fullyQualifiedName": .string(DisplayText.escaped(pointer)), "kind": "element"])])
            }
            if let message { members["message"] = .object(["text": .string(DisplayText.escaped(message))]) }
            if let id { members["id"] = .number(Double(id)) }
            return .object(members)
        }

        func citationText(_ id: String) -> String {
            guard let citation = citations[id] else { return id }
            let assumption = citation.assumption ? " (\(Citation.assumptionNote))" : ""
            return "\(citation.titleAndSection): \(citation.source)\(assumption)"
        }

        func level(_ severity: Severity) -> String {
            switch severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "note"
            }
        }

        static func isWebURI(_ text: String) -> Bool { text.hasPrefix("https://") || text.hasPrefix("http://") }
    }
}
