import Testing
import TacetDiagnostics
import TacetTestSupport

/// What a streamed check keeps of each file it releases: the lines its diagnostics quote, each at its number.
@Suite("Quoted lines")
struct QuotedLinesTests {
    /// The lines a plain split of `text` gives for `numbers`, as the renderer rebuilds them: every kept line
    /// at its place, every other line empty.
    static func reference(_ text: String, _ numbers: Set<Int>) -> [UInt8] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A final line break opens no line of its own.
        let count = text.hasSuffix("\n") ? lines.count - 1 : lines.count
        let kept = numbers.filter { $0 >= 1 && $0 <= count }.sorted()
        guard let last = kept.last else { return [] }
        return Array((1...last).map { kept.contains($0) ? String(lines[$0 - 1]) : "" }.joined(separator: "\n").utf8)
    }

    @Test("keeps exactly the asked lines that exist, whatever else is asked, and rebuilds them at their numbers")
    func keeps() {
        let text = "a\n\nc\r\nd\ne"
        let quoted = QuotedLines(of: Array(text.utf8), keeping: [0, -3, 2, 3, 5, 9])
        #expect(quoted.numbers == [2, 3, 5])
        #expect(quoted.bytes == Array("\n\nc\r\n\ne".utf8))
        #expect(QuotedLines(of: Array("a\n".utf8), keeping: [2]).numbers.isEmpty)
        #expect(QuotedLines(of: [], keeping: [1]).numbers.isEmpty)
    }

    @Test("agrees with a plain split of the file on random files and line sets")
    func agrees() {
        var random = SplitMix64(state: 21)
        // Bytes next to a line feed's (0x09, 0x0B), with its high bit set (0x8A in U+008A), and none at all.
        let letters: [Character] = ["a", "\t", "\u{0B}", "\u{8A}", "\u{00}", "é", "\n", "\n"]
        for _ in 0..<500 {
            let text = String((0..<random.int(0...90)).map { _ in letters[random.int(0...(letters.count - 1))] })
            let numbers = Set((0..<random.int(0...6)).map { _ in random.int(-1...40) })
            let quoted = QuotedLines(of: Array(text.utf8), keeping: numbers)
            #expect(quoted.bytes == Self.reference(text, numbers), "\(text.debugDescription) \(numbers.sorted())")
        }
    }
}
