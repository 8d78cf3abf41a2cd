import Testing
import TacetLanguageServer

/// Positions between Tacet's (1-based, columns in Unicode scalars) and LSP's (0-based, UTF-16 units).
@Suite("LSP positions")
struct SourceTextTests {
    @Test("columns after an emoji and an accented letter count UTF-16 units")
    func nonASCII() {
        // 🎵 is one scalar and two UTF-16 units; é (precomposed) one of each.
        let source = SourceText("a: 1\r\nb: \"🎵 é\", c: bad\n")
        // "c" is the 13th scalar of line 2: b : space " 🎵 space é " , space c
        #expect(source.position(line: 2, column: 11) == TextPosition(line: 1, character: 11))
        #expect(source.tokenRange(line: 2, column: 11) == TextRange(start: TextPosition(line: 1, character: 11),
                                                                   end: TextPosition(line: 1, character: 12)))
        #expect(source.tokenRange(line: 2, column: 4) == TextRange(start: TextPosition(line: 1, character: 3),
                                                                  end: TextPosition(line: 1, character: 9)))
        #expect(source.column(of: TextPosition(line: 1, character: 5)) == 5)  // inside the surrogate pair: its start
        #expect(source.column(of: TextPosition(line: 1, character: 6)) == 6)
    }

    @Test("positions past a line or the text are clamped")
    func clamped() {
        let source = SourceText("ab\ncd")
        #expect(source.position(line: 9, column: 9) == TextPosition(line: 1, character: 2))
        #expect(source.index(of: TextPosition(line: 0, character: 99)) == source.text.index(source.text.startIndex, offsetBy: 2))
    }
}
