/// Renders diagnostics as text in the `file:line:column: severity: message [code]` form, followed by
/// the offending source line with a caret, then hints and notes.
public struct DiagnosticRenderer: Sendable {
    /// Whether to add ANSI colour; only the CLI decides, from whether stderr is a terminal.
    public var colour: Bool
    /// Looks up a file's bytes so the source line can be shown; nil hides the excerpt.
    public var source: @Sendable (String) -> [UInt8]?

    /// How many characters of context to show either side of the caret on a long line.
    static let excerptRadius = 60

    /// Creates a renderer.
    public init(colour: Bool = false, source: @escaping @Sendable (String) -> [UInt8]? = { _ in nil }) {
        self.colour = colour
        self.source = source
    }

    /// Renders one diagnostic, ending with a newline. Every string in it goes through ``DisplayText``:
    /// a plugin's message or a quoted YAML value cannot start a line of its own or drive the terminal.
    public func render(_ diagnostic: Diagnostic) -> String {
        let shown = DisplayText.escaped
        var out = ""
        if let location = diagnostic.location { out += bold(shown(location.description)) + ": " }
        out += severityLabel(diagnostic.severity) + ": " + bold(shown(diagnostic.message))
        out += " [\(shown(diagnostic.code))]"
        if let pointer = diagnostic.pointer, !pointer.isEmpty, diagnostic.location == nil {
            out += " at \(shown(pointer))"
        }
        out += "\n"
        if let location = diagnostic.location, let excerpt = excerpt(at: location) { out += excerpt }
        if let hint = diagnostic.hint { out += "  hint: \(shown(hint))\n" }
        for note in diagnostic.notes {
            out += "  note: \(shown(note.message))"
            if let location = note.location { out += " (\(shown(location.description)))" }
            out += "\n"
        }
        if !diagnostic.citations.isEmpty { out += "  cites: \(shown(diagnostic.citations.joined(separator: ", ")))\n" }
        return out
    }

    /// Renders many diagnostics in order.
    public func render(_ diagnostics: [Diagnostic]) -> String { diagnostics.map(render).joined() }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    private func severityLabel(_ severity: Severity) -> String {
        guard colour else { return severity.rawValue }
        let code = switch severity {
        case .error: "31"
        case .warning: "33"
        case .info: "36"
        }
        return "\u{1B}[1;\(code)m\(severity.rawValue)\u{1B}[0m"
    }

    /// The source line of `location` (windowed on long lines) and a caret under its column.
    func excerpt(at location: SourceLocation) -> String? {
        guard let bytes = source(location.file), location.line >= 1, location.column >= 1 else { return nil }
        guard let start = Self.lineStart(in: bytes, line: location.line) else { return nil }
        var scalars: [Unicode.Scalar] = []
        let wanted = location.column - 1 + Self.excerptRadius
        var iterator = bytes[start...].makeIterator()
        var decoder = UTF8()
        decode: while scalars.count < wanted {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" || scalar == "\r" { break decode }
                scalars.append(scalar)
            case .error: scalars.append("\u{FFFD}")
            case .emptyInput: break decode
            }
        }
        let caretIndex = min(location.column - 1, scalars.count)
        let from = max(0, caretIndex - Self.excerptRadius)
        var line = from > 0 ? "…" : ""
        var pad = from > 0 ? " " : ""
        for (index, scalar) in scalars.enumerated() where index >= from {
            // A tab stays a tab (and pads as one) so the caret lines up; anything else a terminal would
            // act on is shown escaped, padded by the width of its escape.
            let escape = scalar == "\t" ? nil : DisplayText.escape(scalar)
            if let escape { line += escape } else { line.unicodeScalars.append(scalar) }
            if index < caretIndex { pad += scalar == "\t" ? "\t" : String(repeating: " ", count: escape?.count ?? 1) }
        }
        if scalars.count == wanted { line += "…" }
        let gutter = String(location.line)
        let blank = String(repeating: " ", count: gutter.count)
        let caret = colour ? "\u{1B}[1;32m^\u{1B}[0m" : "^"
        return " \(gutter) | \(line)\n \(blank) | \(pad)\(caret)\n"
    }

    /// The byte index where 1-based `line` starts.
    public static func lineStart(in bytes: [UInt8], line: Int) -> Int? {
        var current = 1
        var index = 0
        while current < line {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            index = newline + 1
            current += 1
        }
        return index
    }
}
