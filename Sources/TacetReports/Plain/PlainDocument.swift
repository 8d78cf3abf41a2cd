/// A document for people who read no YAML (the staff handbook, the client notice), built once from
/// the resolved policy and written as self-contained HTML or as Markdown: both formats show the same
/// words, and the readability test measures them (``plainText``).
package struct PlainDocument: Sendable {
    /// A run of text inside a paragraph, list item or cell.
    package enum Inline: Sendable, Hashable {
        /// Plain words.
        case text(String)
        /// Words that carry the point of their sentence.
        case strong(String)
        /// A link to an anchor of the same document (`#id`).
        case link(String, anchor: String)
        /// A mark that what it follows is the clinic's own decision, not a checked source.
        case assumption(String)
        /// A target for links (`#id`) at this place; no words.
        case anchor(String)
    }

    /// A block of the document.
    package enum Block: Sendable, Hashable {
        /// A paragraph.
        case paragraph([Inline])
        /// A bulleted list, one item per element.
        case list([[Inline]])
        /// A table with a caption, column headers, and rows whose first cell heads the row.
        case table(caption: String, headers: [String], rows: [[[Inline]]])
        /// Lines to sign on: one label per line ("Client's signature").
        case signatures([String])
        /// A paragraph set apart: a team's difference from the organisation's policy.
        case callout([Inline])
        /// A paragraph of references: the sources an entry cites, by their own titles.
        case references([Inline])
    }

    /// A section: a heading with an anchor, its blocks, and its subsections (one level below).
    package struct Section: Sendable, Hashable {
        /// The anchor, unique in the document.
        package var id: String
        /// The heading.
        package var title: String
        /// What the section says before its subsections.
        package var blocks: [Block]
        /// Subsections, listed in the table of contents under the section.
        package var subsections: [Section]

        /// Creates a section.
        package init(id: String, title: String, blocks: [Block], subsections: [Section] = []) {
            self.id = id
            self.title = title
            self.blocks = blocks
            self.subsections = subsections
        }
    }

    /// The document's title (the page's h1).
    package var title: String
    /// What the document is, under the title.
    package var lead: [Block]
    /// The sections, in order.
    package var sections: [Section]
    /// The tool version that wrote it.
    package var toolVersion: String

    /// Creates a document.
    package init(title: String, lead: [Block], sections: [Section], toolVersion: String) {
        self.title = title
        self.lead = lead
        self.sections = sections
        self.toolVersion = toolVersion
    }

    /// The document's prose as a reader meets it, one block a line: the paragraphs, list items, callouts
    /// and table cells with sentence punctuation, without headings, signature lines or references (the `sources` sections and each
    /// entry's references, whose wording is the sources' own titles). What the readability grade is computed on.
    package var plainText: String {
        var lines: [String] = []
        func add(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines), .callout(let inlines): lines.append(Self.words(inlines))
                case .list(let items): lines += items.map(Self.words)
                // A cell without sentence punctuation ("☐ Yes", a level's name) is a label, not a sentence:
                // counted, a 2 × N grid of one-word sentences would lower the grade.
                case .table(_, _, let rows): lines += rows.flatMap { $0.map(Self.words) }.filter { $0.contains { ".!?".contains($0) } }
                case .signatures, .references: break
                }
            }
        }
        func walk(_ section: Section) {
            guard !section.id.hasPrefix("sources") else { return }
            add(section.blocks)
            section.subsections.forEach(walk)
        }
        add(lead)
        sections.forEach(walk)
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Every word of the document, headings and sources included: what a printed copy must hold.
    package var allText: String {
        var lines = [title]
        func add(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines), .callout(let inlines), .references(let inlines): lines.append(Self.words(inlines))
                case .list(let items): lines += items.map(Self.words)
                case .table(let caption, let headers, let rows): lines += [caption] + headers + rows.flatMap { $0.map(Self.words) }
                case .signatures(let labels): lines += labels
                }
            }
        }
        func walk(_ section: Section) {
            lines.append(section.title)
            add(section.blocks)
            section.subsections.forEach(walk)
        }
        add(lead)
        sections.forEach(walk)
        return lines.joined(separator: "\n")
    }

    /// The words of a run of inlines, without markup.
    static func words(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .strong(let text), .link(let text, _), .assumption(let text): text
            case .anchor: ""
            }
        }.joined()
    }
}
