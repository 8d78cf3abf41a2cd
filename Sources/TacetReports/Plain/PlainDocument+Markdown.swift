import Foundation

extension PlainDocument {
    /// The document as Markdown for a wiki: the same words as ``html(language:)``, a contents list of
    /// links, an HTML anchor before each heading (so links to `#task-…` work whatever the wiki makes of
    /// heading text), tables as pipe tables, and every value from the YAML escaped so it stays text.
    package func markdown() -> String {
        var out = "# \(MarkdownRenderer.inline(title))\n\n"
        out += lead.map(Self.markdown).joined()
        out += "## Contents\n\n"
        for (index, section) in sections.enumerated() {
            out += "\(index + 1). [\(MarkdownRenderer.inline(section.title))](#\(section.id))\n"
            for sub in section.subsections { out += "    - [\(MarkdownRenderer.inline(sub.title))](#\(sub.id))\n" }
        }
        out += "\n"
        out += sections.map { Self.markdown($0, level: 2) }.joined()
        return out
    }

    private static func markdown(_ section: Section, level: Int) -> String {
        var out = "<a id=\"\(MarkupText.escape(section.id))\"></a>\n\n"
        out += String(repeating: "#", count: min(level, 6)) + " " + MarkdownRenderer.inline(section.title) + "\n\n"
        out += section.blocks.map(markdown).joined()
        out += section.subsections.map { markdown($0, level: level + 1) }.joined()
        return out
    }

    private static func markdown(_ block: Block) -> String {
        switch block {
        case .paragraph(let inlines), .references(let inlines):
            return markdown(inlines) + "\n\n"
        case .callout(let inlines):
            return "> " + markdown(inlines) + "\n\n"
        case .list(let items):
            return items.map { "- " + markdown($0) + "\n" }.joined() + "\n"
        case .table(let caption, let headers, let rows):
            var out = "**\(MarkdownRenderer.inline(caption))**\n\n"
            out += "| " + headers.map(MarkdownRenderer.cell).joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: " --- |", count: headers.count) + "\n"
            for row in rows {
                out += "| " + row.map { MarkdownRenderer.pipes(markdown($0)) }
                    .joined(separator: " | ") + " |\n"
            }
            return out + "\n"
        case .signatures(let labels):
            return labels.map { "\(MarkdownRenderer.inline($0)): ______________________________  Date: ____________\n\n" }.joined()
        }
    }

    /// `text` between `marker`s, with its outer spaces outside them: CommonMark does not close emphasis after a space.
    private static func emphasised(_ text: String, _ marker: String) -> String {
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        let leading = text.prefix { $0 == " " }, trailing = String(text.reversed().prefix { $0 == " " })
        return leading + marker + MarkdownRenderer.inline(core) + marker + trailing
    }

    private static func markdown(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): MarkdownRenderer.inline(text)
            case .strong(let text): emphasised(text, "**")
            case .link(let text, let anchor): "[\(MarkdownRenderer.inline(text))](#\(anchor))"
            case .assumption(let text): emphasised(text, "*")
            case .anchor(let id): "<a id=\"\(MarkupText.escape(id))\"></a>"
            }
        }.joined()
    }
}
