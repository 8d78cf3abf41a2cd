import TacetDiagnostics

extension HTMLReportRenderer.Page {
    /// What the page's readers should know about how it was made: one line per checker plugin that
    /// failed, so its checks are missing, in words; the failure's details are for whoever runs Tacet.
    func about() -> String {
        var html = "<section id=\"about\" aria-labelledby=\"about-title\">\n<h2 id=\"about-title\">About this report</h2>\n"
        html += "<p>Checked by Tacet \(HTMLReportRenderer.escape(input.toolVersion)) on \(today).</p>\n"
        var failures: [String: [Diagnostic]] = [:]
        for diagnostic in input.report.findings + input.report.problems where diagnostic.isPluginFailure {
            failures[diagnostic.plugin ?? "", default: []].append(diagnostic)
        }
        if !failures.isEmpty {
            html += "<ul class=\"about\">\n"
            for plugin in failures.keys.sorted() {
                let all = failures[plugin] ?? []
                let counted = all.contains { $0.severity == .error } ? " It counts as an error in the summary." : ""
                html += "<li class=\"warning-text\">The checker plugin <strong>\(HTMLReportRenderer.escape(plugin))</strong> could not run "
                    + "(it \(HTMLReportRenderer.escape(Self.failure(all)))), so its checks are missing from this report.\(counted)</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// What went wrong, once: the first failure's words without the plugin's name, and how many documents it hit.
    private static func failure(_ diagnostics: [Diagnostic]) -> String {
        guard let first = diagnostics.first else { return "" }
        var phrase = first.message
        // "plugin 'NAME' exited with status 1 (check)": the name is said already, the call is a detail.
        if let quote = phrase.firstRange(of: "' ") { phrase = String(phrase[quote.upperBound...]) }
        if let call = phrase.ranges(of: " (").last { phrase = String(phrase[..<call.lowerBound]) }
        let documents = Set(diagnostics.compactMap { $0.location?.file }).count
        return phrase + (documents > 1 ? ", on \(documents) documents" : "")
    }
}
