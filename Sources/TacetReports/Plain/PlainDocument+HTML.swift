extension PlainDocument {
    /// The document as one self-contained HTML page: inline CSS (the team report's, and a few rules of
    /// its own), no script, nothing loaded from elsewhere, links only to anchors of the page itself; a
    /// table of contents; sections with labelled landmarks; tables with a caption and header cells;
    /// a print stylesheet that hides the contents list and keeps rows and signature lines whole.
    package func html(language: String = "en") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(Self.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="tacet \(Self.escape(toolVersion))">
        <title>\(Self.escape(title))</title>
        <style>
        \(ReportStyle.css)
        \(Self.css)
        </style>
        </head>
        <body>
        <header>
        <h1>\(Self.escape(title))</h1>
        \(lead.map { Self.html($0) }.joined())<nav aria-label="Contents">
        <h2 class="toc-title">Contents</h2>
        <ol class="toc">
        \(sections.map(Self.contentsEntry).joined(separator: "\n"))
        </ol>
        </nav>
        </header>
        <main>
        \(sections.map { Self.html($0, level: 2) }.joined())</main>
        </body>
        </html>

        """
    }

    /// The plain document's own rules, after the team report's stylesheet.
    static let css = """
        .toc-title { font-size: 1.2rem; border: none; margin-top: 1.5rem; }
        .toc { padding-left: 1.4rem; }
        .toc ol { padding-left: 1.2rem; columns: 2 18rem; }
        nav .toc { display: block; }
        td, th, p, li { overflow-wrap: anywhere; }
        .references { color: #4a4a4a; font-size: 0.9em; }
        .callout { border-left: 4px solid #5c4400; background: #fff8e1; padding: 0.4rem 0.8rem; }
        .signatures { margin: 1.5rem 0; }
        .signature { display: flex; gap: 1rem; align-items: flex-end; margin: 2.2rem 0 0; break-inside: avoid; }
        .signature .line { flex: 1; border-bottom: 1px solid #1a1a1a; min-height: 1.6rem; }
        .signature .date { flex: 0 0 10rem; border-bottom: 1px solid #1a1a1a; min-height: 1.6rem; }
        .signature span.label { flex: 0 0 16rem; }
        @media print {
          nav[aria-label="Contents"] { display: none; }
          .callout { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          section > section { break-inside: avoid-page; }
        }
        """

    private static func contentsEntry(_ section: Section) -> String {
        var html = "<li><a href=\"#\(escape(section.id))\">\(escape(section.title))</a>"
        if !section.subsections.isEmpty {
            html += "\n<ol>" + section.subsections.map { "<li><a href=\"#\(escape($0.id))\">\(escape($0.title))</a></li>" }.joined() + "</ol>\n"
        }
        return html + "</li>"
    }

    private static func html(_ section: Section, level: Int) -> String {
        let heading = "h\(min(level, 6))"
        var html = "<section id=\"\(escape(section.id))\" aria-labelledby=\"\(escape(section.id))-title\">\n"
        html += "<\(heading) id=\"\(escape(section.id))-title\">\(escape(section.title))</\(heading)>\n"
        html += section.blocks.map { Self.html($0) }.joined()
        html += section.subsections.map { Self.html($0, level: level + 1) }.joined()
        return html + "</section>\n"
    }

    private static func html(_ block: Block) -> String {
        switch block {
        case .paragraph(let inlines):
            return "<p>\(html(inlines))</p>\n"
        case .callout(let inlines):
            return "<p class=\"callout\">\(html(inlines))</p>\n"
        case .references(let inlines):
            return "<p class=\"references\">\(html(inlines))</p>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(html($0))</li>\n" }.joined() + "</ul>\n"
        case .table(let caption, let headers, let rows):
            var html = "<table>\n<caption>\(escape(caption))</caption>\n<thead><tr>"
            html += headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows {
                html += "<tr>" + row.enumerated().map { index, cell in
                    index == 0 ? "<th scope=\"row\">\(Self.html(cell))</th>" : "<td>\(Self.html(cell))</td>"
                }.joined() + "</tr>\n"
            }
            return html + "</tbody>\n</table>\n"
        case .signatures(let labels):
            return "<div class=\"signatures\">\n" + labels.map {
                "<p class=\"signature\"><span class=\"label\">\(escape($0))</span><span class=\"line\"></span>"
                    + "<span class=\"label date-label\">Date</span><span class=\"date\"></span></p>\n"
            }.joined() + "</div>\n"
        }
    }

    private static func html(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): escape(text)
            case .strong(let text): "<strong>\(escape(text))</strong>"
            case .link(let text, let anchor): "<a href=\"#\(escape(anchor))\">\(escape(text))</a>"
            case .assumption(let text): "<em class=\"assumption\">\(escape(text))</em>"
            case .anchor(let id): "<span id=\"\(escape(id))\"></span>"
            }
        }.joined()
    }

    private static func escape(_ text: String) -> String { MarkupText.escape(text) }
}
