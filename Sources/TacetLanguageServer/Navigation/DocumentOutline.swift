import TacetPluginProtocol
import TacetYAML

/// A document's outline for the editor: a workflow's steps; a policy's tasks, tools and rules; a
/// catalog's courses; a framework's areas.
package enum DocumentOutline {
    /// The lists an outline shows, by document kind: the key of each list and the LSP `SymbolKind` of its items.
    private static let lists: [String: [(key: String, kind: Int)]] = [
        "Workflow": [("steps", 24)],  // Event
        "Policy": [("tasks", 12), ("tools", 5), ("rules", 14)],  // Function, Class, Constant
        "Catalog": [("courses", 2)],  // Module
        "Framework": [("areas", 13)],  // Variable
    ]

    /// The `DocumentSymbol`s of `root`, parsed from `source`: each list as a symbol holding its items by id.
    package static func symbols(_ root: Node, in source: SourceText) -> [JSONValue] {
        guard let kind = root["kind"]?.string else { return [] }
        var symbols: [JSONValue] = []
        for list in lists[kind] ?? [] {
            guard let entries = root.mapping, let position = entries.firstIndex(where: { $0.key.string == list.key }),
                  let items = entries[position].value.sequence else { continue }
            let entry = entries[position]
            // Where the list ends: at the next key of the document, if any.
            let after = position + 1 < entries.count ? entries[position + 1].key.mark : nil
            var children: [JSONValue] = []
            for (index, item) in items.enumerated() {
                guard let id = item["id"], let name = id.string else { continue }
                let next = index + 1 < items.count ? items[index + 1].mark : after
                var symbol: [String: JSONValue] = [
                    "name": .string(name), "kind": .number(Double(list.kind)),
                    "range": span(from: item.mark, to: next, in: source).json,
                    "selectionRange": source.tokenRange(line: id.mark.line, column: id.mark.column).json,
                ]
                if let task = item["task"]?.string { symbol["detail"] = .string(task) }
                if let title = item["title"]?.string { symbol["detail"] = .string(title) }
                children.append(.object(symbol))
            }
            let keyRange = source.tokenRange(line: entry.key.mark.line, column: entry.key.mark.column)
            symbols.append(.object([
                "name": .string(list.key), "kind": .number(18),  // Array
                "range": span(from: entry.key.mark, to: after, in: source).json,
                "selectionRange": keyRange.json, "children": .array(children),
            ]))
        }
        return symbols
    }

    /// From `start` to the end of the last line before `next` that is not blank (or of the text), so that
    /// an item's range holds all its lines.
    private static func span(from start: Mark, to next: Mark?, in source: SourceText) -> TextRange {
        let begin = source.position(line: start.line, column: start.column)
        var endLine = next.map { $0.line - 2 } ?? source.lineCount - 1
        endLine = max(endLine, begin.line)
        while endLine > begin.line, source.line(endLine).allSatisfy({ $0 == " " || $0 == "\t" }) { endLine -= 1 }
        let width = source.line(endLine).reduce(0) { $0 + UTF16.width($1) }
        return TextRange(start: begin, end: TextPosition(line: endLine, character: endLine == begin.line ? max(width, begin.character) : width))
    }
}
