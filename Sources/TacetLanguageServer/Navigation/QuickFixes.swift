import TacetEngine
import TacetPluginProtocol
import TacetYAML

/// The quick fixes of a diagnostic, offered only where the edit is certain: a "did you mean" id or key,
/// `ai:` lowered to the task's ceiling, and `consent: true` / `disclosure: true` recorded, which is
/// offered as a statement the team must make true (never as the preferred fix).
package enum QuickFixes {
    /// The `CodeAction`s for `diagnostic` (as the client sent it back) in the document `uri` with `source`
    /// and its parsed `root` (nil when it does not parse).
    package static func actions(for diagnostic: JSONValue, uri: String, source: SourceText, root: Node?) -> [JSONValue] {
        guard let range = TextRange(diagnostic["range"]), let message = diagnostic["message"]?.stringValue else { return [] }
        let code = diagnostic["code"]?.stringValue
        if let match = message.firstMatch(of: /\nhint: did you mean '([^'\n]+)'\?/) {
            let replacement = String(match.output.1)
            return [action("Change to '\(replacement)'", diagnostic, uri, [edit(range, replacement)], preferred: true)]
        }
        if code == Requirement.aiLevel.id, let match = message.firstMatch(of: /\nhint: lower ai to ([a-z-]+) or below/) {
            let ceiling = String(match.output.1)
            return [action("Lower ai to \(ceiling), the task's ceiling", diagnostic, uri, [edit(range, ceiling)], preferred: true)]
        }
        guard let field = [Requirement.consent.id: "consent", Requirement.disclosure.id: "disclosure"][code ?? ""],
              let pointer = diagnostic["data"]?["pointer"]?.stringValue, let root else { return [] }
        let title = field == "consent" ? "Record consent: true (only once the client has consented to AI use)"
            : "Record disclosure: true (only once the record discloses the AI's part)"
        if pointer.hasSuffix("/" + field) {
            // Recorded as false: the value itself becomes true.
            return [action(title, diagnostic, uri, [edit(range, "true")], preferred: false)]
        }
        guard let step = root.node(at: pointer), let insertion = insertion(of: "\(field): true", into: step, in: source) else { return [] }
        return [action(title, diagnostic, uri, [insertion], preferred: false)]
    }

    /// The edit adding `entry` to the mapping `step`: before the closing brace of a flow mapping on one
    /// line, or on a line of its own after a block mapping's last entry when that entry ends on its line.
    private static func insertion(of entry: String, into step: Node, in source: SourceText) -> JSONValue? {
        guard let entries = step.mapping, let first = entries.first, let last = entries.last else { return nil }
        let line = Array(source.line(step.mark.line - 1))
        if step.mark.column - 1 < line.count, line[step.mark.column - 1] == "{" {
            // Only a mapping that closes on its line: its token then ends with the brace.
            let whole = source.tokenRange(line: step.mark.line, column: step.mark.column)
            let brace = TextPosition(line: whole.end.line, character: whole.end.character - 1)
            guard source.column(of: brace) - 1 < line.count, line[source.column(of: brace) - 1] == "}" else { return nil }
            return edit(TextRange(start: brace, end: brace), ", \(entry)")
        }
        // Block mapping: the last value must be a scalar written on one line, followed by a line that is
        // not a continuation of it (no deeper indentation), so the new line lands after it.
        guard let scalar = last.value.scalar, scalar.style != .literal, scalar.style != .folded, !scalar.value.contains("\n") else {
            return nil
        }
        let indent = first.key.mark.column - 1
        let next = source.line(last.value.mark.line)
        let nextIndent = next.prefix { $0 == " " }.count
        guard next.allSatisfy({ $0 == " " || $0 == "\t" }) || nextIndent <= indent else { return nil }
        let end = source.position(line: last.value.mark.line, column: Int.max / 2)
        return edit(TextRange(start: end, end: end), "\n" + String(repeating: " ", count: indent) + entry)
    }

    private static func edit(_ range: TextRange, _ text: String) -> JSONValue {
        .object(["range": range.json, "newText": .string(text)])
    }

    private static func action(_ title: String, _ diagnostic: JSONValue, _ uri: String, _ edits: [JSONValue], preferred: Bool) -> JSONValue {
        .object(["title": .string(title), "kind": "quickfix", "diagnostics": .array([diagnostic]), "isPreferred": .bool(preferred),
                 "edit": .object(["changes": .object([uri: .array(edits)])])])
    }
}
