/// Text Tacet did not write itself (a plugin's message, hint, citations, rule summaries or stderr, a
/// YAML value a finding quotes, a file name) made safe to write into one line of a line-oriented
/// output: the text diagnostics, `plugin list` and `plugin test`, and the `github` and `markdown`
/// formats. Every renderer of those goes through it, so the rule lives in one place.
///
/// Characters a terminal or a viewer would act on instead of showing are written as the Swift-style
/// escapes `MatchedText` quotes already use: line feed, carriage return and tab as `\n`, `\r` and `\t`;
/// every other C0 control, DEL, every C1 control, the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), the directional marks (U+061C, U+200E, U+200F) and the line and
/// paragraph separators (U+2028, U+2029) as `\u{HEX}` in upper-case hexadecimal, e.g. `\u{1B}` for
/// ESC and `\u{7}` for BEL. Such text cannot start a new output line, move the cursor, clear the screen,
/// ring the bell or reorder what its line shows. Backslashes are kept as they are: text that spells
/// `\u{1B}` itself shows the same six harmless characters. The formats whose encoders escape
/// everything (JSON, SARIF) carry the original text; JUnit and HTML write these escapes for the
/// characters XML forbids.
public enum DisplayText {
    /// `text` with every character ``escape(_:)`` names replaced by its escape; `text` itself when
    /// there is none, which is the common case.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { escape($0) != nil }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `text`, a block of lines Tacet composed (explain's sentences, a plan's summary), with each line
    /// escaped as ``escaped(_:)`` does but its line feeds kept: the values it quotes from the team's YAML
    /// cannot add a line or act on the terminal, while the block keeps its own layout.
    public static func escapedLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && escape($0) != nil }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    /// The visible escape of `scalar`, or nil when it is shown as it is.
    public static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: return nil
        }
    }
}
