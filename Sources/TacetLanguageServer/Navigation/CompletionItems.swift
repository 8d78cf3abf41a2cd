import TacetDocuments
import TacetPluginProtocol

/// What completion offers at a cursor, from the text of its line before it: after `key: ` (or inside
/// `key: [a, `) the values that key takes (ids the workspace defines, AI levels, data classes,
/// competency levels); at the start of an entry, the keys a document of its kind has.
package enum CompletionItems {
    /// LSP `CompletionItemKind`s used here.
    private static let property = 10, value = 12, reference = 18

    /// The keys of each kind's top level, and of a workflow's steps.
    private static let topKeys: [String: [String]] = [
        "Workflow": ["policy", "setting", "population", "ageBand", "selfConsent", "format", "steps"],
        "Therapist": ["name", "role", "credential", "credentials", "levels", "targets", "completed", "activities", "budget", "workflows"],
        "Policy": ["extends", "citations", "tools", "tasks", "rules"],
    ]
    private static let stepKeys = ["id", "task", "ai", "tool", "data", "performer", "reviewer", "consent", "disclosure", "description",
                                   "consentBy", "assent", "groupConsent", "memberData", "recording"]

    /// The `CompletionItem`s for a cursor after `prefix` on its line, in a document of `kind` (its
    /// `kind:` value, when it has one yet), with the workspace's ids from `index`.
    package static func items(after prefix: String, documentKind kind: String?, index: SymbolIndex) -> [JSONValue] {
        if let match = prefix.firstMatch(of: /([A-Za-z][A-Za-z0-9_-]*):[ \t]+(?:\[(?:[^\],]*,[ \t]*)*)?([A-Za-z0-9_.-]*)$/) {
            let key = String(match.output.1)
            let typed = String(match.output.2)
            return values(for: key, documentKind: kind, index: index)
                .filter { $0.label.hasPrefix(typed) }
                .map { item($0.label, kind: $0.kind, detail: $0.detail) }
        }
        guard let match = prefix.firstMatch(of: /^([ \t]*)(?:-[ \t]+)?(?:.*[{,][ \t]*)?([A-Za-z0-9_-]*)$/) else { return [] }
        let nested = !match.output.1.isEmpty || prefix.contains("-") || prefix.contains("{")
        let typed = String(match.output.2)
        var keys = ["apiVersion", "kind", "metadata"] + (topKeys[kind ?? ""] ?? [])
        if nested { keys = kind == "Workflow" ? stepKeys : kind == "Therapist" ? index.ids(of: .area) : [] }
        return keys.filter { $0.hasPrefix(typed) }.map { key in
            var members = item(key, kind: property, detail: nil).objectValue ?? [:]
            members["insertText"] = .string(key + ": ")
            return .object(members)
        }
    }

    /// The values `key` takes, each with its completion kind and a detail.
    private static func values(for key: String, documentKind: String?, index: SymbolIndex)
        -> [(label: String, kind: Int, detail: String?)] {
        if let symbol = SymbolKind.referenced(by: key) {
            return index.ids(of: symbol).map { ($0, reference, symbol.rawValue) }
        }
        let keywords: [String]
        let detail: String
        switch key {
        case "ai", "maxAI": (keywords, detail) = (AIUseLevel.allCases.map(\.rawValue), "AI-use level")
        case "data": (keywords, detail) = (DataClass.allCases.map(\.rawValue), "data class")
        case "minLevel": (keywords, detail) = (CompetencyLevel.allCases.map(\.rawValue), "competency level")
        case "kind": (keywords, detail) = (DocumentKind.allCases.map(\.rawValue), "document kind")
        case "apiVersion": (keywords, detail) = ([DocumentDecoder.apiVersion], "API version")
        case "consent", "disclosure", "baa", "clinical", "selfConsent", "assent", "groupConsent":
            (keywords, detail) = (["true", "false"], "boolean")
        case "ageBand": (keywords, detail) = (AgeBand.allCases.map(\.rawValue), AgeBand.keywordDescription)
        case "format" where documentKind == "Workflow": (keywords, detail) = (SessionFormat.allCases.map(\.rawValue), SessionFormat.keywordDescription)
        case "consentBy": (keywords, detail) = (ConsentParty.allCases.map(\.rawValue), ConsentParty.keywordDescription)
        case "memberData": (keywords, detail) = (MemberData.allCases.map(\.rawValue), MemberData.keywordDescription)
        case "media": (keywords, detail) = (RecordingMedium.allCases.map(\.rawValue), RecordingMedium.keywordDescription)
        case "analysis": (keywords, detail) = (RecordingAnalysis.allCases.map(\.rawValue), RecordingAnalysis.keywordDescription)
        default:
            // A therapist's `levels` and `targets` map competency areas to levels.
            guard documentKind == "Therapist", index.ids(of: .area).contains(key) else { return [] }
            (keywords, detail) = (CompetencyLevel.allCases.map(\.rawValue), "competency level")
        }
        return keywords.map { ($0, value, detail) }
    }

    private static func item(_ label: String, kind: Int, detail: String?) -> JSONValue {
        var members: [String: JSONValue] = ["label": .string(label), "kind": .number(Double(kind))]
        if let detail { members["detail"] = .string(detail) }
        return .object(members)
    }
}
