import TacetDiagnostics

/// Renders a check as GitHub Actions workflow commands (`::error file=F,line=L,col=C,title=T::message`),
/// which the Actions runner turns into annotations on the pull request's files.
///
/// Text from outside Tacet is first made visible by ``DisplayText`` (a plugin's CR, LF or ESC becomes
/// `\r`, `\n`, `\u{1B}`), so only the renderer's own line breaks (before `Fix:` and `Sources:`) stay
/// line breaks. Then escaping follows the Actions toolkit: in the message `%`, CR and LF are
/// percent-encoded; in property values `:` and `,` are too, so a path or rule id cannot end a property
/// early. A command is always one line of the log.
package enum GitHubAnnotationRenderer {
    /// The workflow commands for `input`: findings in force and input problems, then the summary that
    /// `check` prints (plain lines, which the job log shows), with what could not be checked last.
    /// Suppressed findings are not annotated (an exception accepted them); the summary counts them.
    package static func render(_ input: ReportInput) -> String {
        var out = ""
        for diagnostic in input.report.problems + input.report.findings { out += command(diagnostic, input: input) }
        let report = input.report
        let tally = report.tally
        out += "tacet: \(report.scopeSentence): \(tally.countSentence); \(report.suppressed.count) suppressed by exceptions\n"
        if let shortfall = tally.shortfallSentence() { out += "tacet: \(shortfall)\n" }
        return out
    }

    /// One workflow command for `diagnostic`.
    static func command(_ diagnostic: Diagnostic, input: ReportInput) -> String {
        let name = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=" + property(input.path(location.file)))
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        let title = diagnostic.plugin.map { "\(diagnostic.code) (plugin \($0))" } ?? diagnostic.code
        properties.append("title=" + property(title))
        var message = DisplayText.escaped(diagnostic.message)
        if let hint = diagnostic.hint { message += "\nFix: \(DisplayText.escaped(hint))" }
        if !diagnostic.citations.isEmpty { message += "\nSources: \(DisplayText.escaped(diagnostic.citations.joined(separator: ", ")))" }
        return "::\(name) \(properties.joined(separator: ","))::\(data(message))\n"
    }

    /// A command's data (the message): `%`, CR and LF encoded; the caller has passed what is not
    /// Tacet's own through ``DisplayText``, so the line breaks left are the renderer's.
    static func data(_ text: String) -> String { escape(text, property: false) }

    /// A property value: shown by ``DisplayText``, then encoded as data plus `:` and `,`.
    static func property(_ text: String) -> String { escape(DisplayText.escaped(text), property: true) }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
