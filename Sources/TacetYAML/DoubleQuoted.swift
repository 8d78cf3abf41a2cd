/// Double-quoted string literals, shared by the JSON and YAML writers: YAML's double-quoted style
/// reads JSON's escapes, so one escaper serves both.
enum DoubleQuoted {
    /// Appends `text` in double quotes, escaping quotes, backslashes, control characters and the
    /// scalars `alsoEscape` selects as `\uXXXX`; everything else is kept as UTF-8.
    static func append(_ text: String, to out: inout String, alsoEscape: (UInt32) -> Bool) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || alsoEscape(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
