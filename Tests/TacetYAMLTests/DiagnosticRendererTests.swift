import Testing
import TacetDiagnostics
import TacetYAML

@Suite("Diagnostic rendering")
struct DiagnosticRendererTests {
    static func renderer(_ text: String) -> DiagnosticRenderer {
        let bytes = Array(text.utf8)
        return DiagnosticRenderer(source: { $0 == "f.yaml" ? bytes : nil })
    }

    @Test("file:line:col, severity, message and code, then the line and a caret under the column")
    func basic() {
        let diagnostic = Diagnostic.error(YAMLErrorCode.syntax, "bad thing", at: SourceLocation(file: "f.yaml", line: 2, column: 4),
                                          hint: "fix it", notes: [DiagnosticNote("see", at: SourceLocation(file: "f.yaml", line: 1, column: 1))])
        let text = Self.renderer("a: 1\nbb: [x\n").render(diagnostic)
        #expect(text == """
            f.yaml:2:4: error: bad thing [yaml.syntax]
             2 | bb: [x
               |    ^
              hint: fix it
              note: see (f.yaml:1:1)

            """)
    }

    @Test("tabs before the column stay tabs so the caret lines up; columns count characters")
    func tabsAndUnicode() {
        let diagnostic = Diagnostic(rule: "c", severity: .error, message: "m", origin: .input, location: SourceLocation(file: "f.yaml", line: 1, column: 4))
        #expect(Self.renderer("\té—x\n").render(diagnostic).contains(" 1 | \té—x\n   | \t  ^\n"))
    }

    @Test("long lines are cut to a window around the caret")
    func longLine() {
        let line = String(repeating: "a", count: 10_000) + "X" + String(repeating: "b", count: 10_000)
        let diagnostic = Diagnostic(rule: "c", severity: .error, message: "m", origin: .input, location: SourceLocation(file: "f.yaml", line: 1, column: 10_001))
        let text = Self.renderer(line).render(diagnostic)
        #expect(text.count < 400)
        #expect(text.contains("aX"))
        let lines = text.split(separator: "\n")
        let caretColumn = lines[2].distance(from: lines[2].startIndex, to: lines[2].firstIndex(of: "^") ?? lines[2].endIndex)
        let xColumn = lines[1].distance(from: lines[1].startIndex, to: lines[1].firstIndex(of: "X") ?? lines[1].startIndex)
        #expect(caretColumn == xColumn)
    }

    @Test("control characters in the source line are shown escaped; unknown sources show no excerpt")
    func controlsAndMissingSource() {
        let diagnostic = Diagnostic(rule: "c", severity: .error, message: "m", origin: .input, location: SourceLocation(file: "f.yaml", line: 1, column: 2))
        #expect(Self.renderer("a\u{0}b").render(diagnostic).contains(#"a\u{0}b"#))
        let elsewhere = Diagnostic(rule: "c", severity: .error, message: "m", origin: .input, location: SourceLocation(file: "other.yaml", line: 1, column: 1))
        #expect(Self.renderer("x").render(elsewhere) == "other.yaml:1:1: error: m [c]\n")
    }

    @Test("escapes before the column widen the caret's padding, so it still points at its character")
    func caretAfterEscapes() {
        let diagnostic = Diagnostic(rule: "c", severity: .error, message: "m", origin: .input, location: SourceLocation(file: "f.yaml", line: 1, column: 6))
        let text = Self.renderer("a\u{1B}\u{7}\u{202E}\u{7F}X\u{85}\n").render(diagnostic)
        #expect(text.contains(#" 1 | a\u{1B}\u{7}\u{202E}\u{7F}X\u{85}"# + "\n   | " + String(repeating: " ", count: 26) + "^\n"))
    }

    @Test("a message, hint, note, citation, code and file from outside Tacet cannot start a line or drive the terminal")
    func hostileText() {
        let forged = "\u{1B}[2J\u{7}\r\nfake.yaml:1:1: error: forged [requirement.fake]\u{2067}"
        let shown = #"\u{1B}[2J\u{7}\r\nfake.yaml:1:1: error: forged [requirement.fake]\u{2067}"#
        let diagnostic = Diagnostic(rule: "p/r\n", severity: .warning, message: "m" + forged, origin: .plugin("p"),
                                    location: SourceLocation(file: "w\n.yaml", line: 3, column: 1), hint: "h" + forged,
                                    notes: [DiagnosticNote("stderr: " + forged)], citations: ["c" + forged])
        #expect(Self.renderer("").render(diagnostic) == #"""
            w\n.yaml:3:1: warning: m\#(shown) [p/r\n]
              hint: h\#(shown)
              note: stderr: \#(shown)
              cites: c\#(shown)

            """#)
    }

    @Test("display text escapes controls, DEL, C1, bidi controls and line separators, and keeps the rest")
    func displayText() {
        #expect(DisplayText.escaped("a\tb\u{0}\u{1F}\u{7F}\u{9B}\u{61C}\u{200E}\u{202A}\u{2069}\u{2028}\u{2029}") == #"a\tb\u{0}\u{1F}\u{7F}\u{9B}\u{61C}\u{200E}\u{202A}\u{2069}\u{2028}\u{2029}"#)
        #expect(DisplayText.escaped("é—👩‍👩‍👧 \\u{1B} ü") == "é—👩‍👩‍👧 \\u{1B} ü")
    }

    @Test("diagnostics sort by file, line and column, errors first at one place")
    func ordering() {
        let at = { (line: Int) in SourceLocation(file: "f.yaml", line: line, column: 1) }
        let warning = Diagnostic(rule: "w", severity: .warning, message: "w", origin: .engine, location: at(1))
        let error = Diagnostic(rule: "e", severity: .error, message: "e", origin: .engine, location: at(1))
        let later = Diagnostic(rule: "a", severity: .error, message: "a", origin: .engine, location: at(2))
        #expect([later, warning, error].sorted() == [error, warning, later])
    }
}
