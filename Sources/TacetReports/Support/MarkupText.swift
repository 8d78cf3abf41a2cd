import TacetDiagnostics

/// Escaping for XML and HTML text and attribute values.
enum MarkupText {
    /// `text` safe inside an element or a quoted attribute: `& < > " '` become entities; the controls
    /// and bidirectional formatting ``DisplayText`` escapes (XML 1.0 forbids the C0 controls other than
    /// tab, line feed and carriage return, which are kept) are shown by it, and U+FFFE and U+FFFF
    /// (also forbidden) become U+FFFD, so a plugin's stray control byte cannot make the file unreadable.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default:
                if let escaped = DisplayText.escape(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
