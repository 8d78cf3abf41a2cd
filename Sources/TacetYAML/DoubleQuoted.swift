/// Double-quoted string literals, shared by the JSON and YAML writers: YAML's double-quoted style
/// reads JSON's escapes, so one escaper serves both.
enum DoubleQuoted {
    /// Appends `text` in double quotes, escaping quotes, backslashes, control characters and the
    /// scalars `alsoEscape` selects as `\uXXXX`; everything else is kept as UTF-8.
    static func append(_ text: String, to out: inout String, alsoEscape: (UInt32) -> Bool) {
        out += "\""
        // Runs of scalars kept as they are go in as one slice: appending scalar by scalar was most of the
        // time a plugin request took to encode (2,000 workflows are a million strings).
        let scalars = text.unicodeScalars
        var kept = scalars.startIndex
        var index = kept
        while index != scalars.endIndex {
            let current = index
            let scalar = scalars[current]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case _ where scalar.value < 0x20 || alsoEscape(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escape = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: escape = nil
            }
            scalars.formIndex(after: &index)
            guard let escape else { continue }
            out += Substring(scalars[kept..<current])
            out += escape
            kept = index
        }
        out += Substring(scalars[kept..<index])
        out += "\""
    }
}
