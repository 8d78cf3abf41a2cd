/// Writes ``YAMLValue``s as block-style YAML that Tacet's own parser reads back to the same values.
public enum YAMLWriter {
    /// The YAML text of `value`, preceded by `comments` as `#` lines, ending with a newline.
    public static func write(_ value: YAMLValue, comments: [String] = []) -> String {
        var out = comments.map { $0.isEmpty ? "#\n" : "# \($0)\n" }.joined()
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            writeMapping(entries, indent: 0, into: &out)
        case .sequence(let items) where !items.isEmpty:
            writeSequence(items, indent: 0, into: &out)
        default:
            out += inline(value) + "\n"
        }
        return out
    }

    private static func writeMapping(_ entries: [(String, YAMLValue)], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in entries {
            out += pad + quoted(key) + ":"
            writeChild(value, indent: indent, into: &out, inSequence: false)
        }
    }

    private static func writeSequence(_ items: [YAMLValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            out += pad + "-"
            switch item {
            case .mapping(let entries) where !entries.isEmpty:
                // The first key shares the dash's line; the rest align under it.
                var nested = ""
                writeMapping(entries, indent: indent + 2, into: &nested)
                out += " " + nested.dropFirst(indent + 2)
            default:
                writeChild(item, indent: indent, into: &out, inSequence: true)
            }
        }
    }

    private static func writeChild(_ value: YAMLValue, indent: Int, into out: inout String, inSequence: Bool) {
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            out += "\n"
            writeMapping(entries, indent: indent + 2, into: &out)
        case .sequence(let items) where !items.isEmpty:
            out += "\n"
            // Sequences under a key are indented too, which reads more clearly than YAML's compact form.
            writeSequence(items, indent: indent + 2, into: &out)
        default:
            out += " " + inline(value) + "\n"
        }
    }

    private static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .int(let number): String(number)
        case .double(let number): number.isFinite ? number.description : (number.isNaN ? ".nan" : (number < 0 ? "-.inf" : ".inf"))
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .sequence: "[]"
        case .mapping: "{}"
        }
    }

    /// `text` as a plain scalar when that is unambiguous, else double-quoted with escapes.
    public static func quoted(_ text: String) -> String {
        if isSafePlain(text) { return text }
        var out = ""
        // Beyond control characters, YAML wants DEL, the C1 controls, a BOM and the line separators escaped.
        DoubleQuoted.append(text, to: &out) { value in
            value == 0x7F || (0x80...0x9F).contains(value) || value == 0xFEFF || value == 0x2028 || value == 0x2029
        }
        return out
    }

    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard CoreSchema.resolve(text) == .string else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" {
            return false
        }
        if text.contains(": ") || text.contains(" #") { return false }
        return !text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                || scalar.value == 0x2028 || scalar.value == 0x2029
        }
    }
}
