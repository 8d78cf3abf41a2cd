/// The team report's stylesheet, inlined so the page needs nothing beside it.
///
/// Every text colour is chosen against its background for a contrast ratio of at least 4.5:1 (WCAG AA);
/// status colours always come with a word. Print hides navigation and keeps table rows whole.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #ffffff;
               margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.9rem; margin-bottom: 0.25rem; }
        h2 { font-size: 1.5rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; margin-top: 2.5rem; }
        h3 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
        h4 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
        a { color: #0b4f9c; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; }
        .file, .source, .past { color: #4a4a4a; font-size: 0.9em; font-weight: normal; }
        .counts { display: flex; flex-wrap: wrap; gap: 0.75rem; padding: 0; }
        .count { border: 2px solid #1a1a1a; border-radius: 6px; padding: 0.4rem 0.9rem; min-width: 8rem; }
        .count dt { font-size: 0.9rem; }
        .count dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
        .count.error, .badge.error, tr.error td:first-child { background: #fde2e1; color: #7a1010; }
        .count.warning, .badge.warning { background: #fff4ce; color: #5c4400; }
        .count.info, .badge.info { background: #e1ecf7; color: #0b3d6e; }
        .count.suppressed { background: #eeeeee; color: #1a1a1a; }
        .verdict { font-weight: 600; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
        caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
        th, td { border: 1px solid #8a8a8a; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        thead th { background: #f0f0f0; }
        td p { margin: 0 0 0.3rem; }
        .badge { display: inline-block; border-radius: 4px; padding: 0 0.4rem; font-weight: 700; text-transform: uppercase; font-size: 0.8rem; }
        .fix { color: #1a1a1a; }
        .rule, .exception { color: #4a4a4a; font-size: 0.9em; }
        .assumption { color: #5c4400; }
        .sources { margin: 0; padding-left: 1.1rem; }
        .scroll { overflow-x: auto; }
        .heatmap td, .heatmap th { min-width: 6.5rem; }
        .cell { font-size: 0.9rem; }
        .cell .status { font-weight: 700; }
        .cell.meets { background: #e6f4ea; color: #0f4d1f; }
        .cell.gap1 { background: #fff4ce; color: #5c4400; }
        .cell.gap2 { background: #fde2e1; color: #7a1010; }
        .cell.none { background: #f5f5f5; color: #3a3a3a; }
        .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
        .legend .cell { display: inline-block; padding: 0 0.4rem; border: 1px solid #8a8a8a; font-weight: 700; }
        .timeline tr.quiet td, .timeline tr.quiet th { color: #4a4a4a; }
        .timeline ul { margin: 0; padding-left: 1.1rem; }
        meter { width: 8rem; vertical-align: middle; }
        .missing, .warning-text { font-weight: 600; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          nav { display: none; }
          .scroll { overflow: visible; }
          tr, .count { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          a { color: inherit; text-decoration: none; }
          .count, .badge, .cell { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
