/// Escaping for XML and HTML text and attribute values.
enum MarkupText {
    /// `text` safe inside an element or a quoted attribute: `& < > " '` become entities, and characters
    /// XML 1.0 forbids (controls other than tab, line feed and carriage return) become U+FFFD, so a
    /// plugin's stray control byte cannot make the whole file unreadable.
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
            default:
                let value = scalar.value
                let forbidden = value < 0x20 || (0xFFFE...0xFFFF).contains(value)
                out.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
