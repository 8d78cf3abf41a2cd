/// The few lines of a file that its diagnostics quote, kept by number once the file itself is released:
/// a check keeps these of every workflow it streams, so they cost a few dozen bytes a file, not a byte a line.
public struct QuotedLines: Sendable, Hashable {
    /// The 1-based numbers of the lines kept, ascending.
    public private(set) var numbers: [Int] = []
    /// The kept lines' bytes one after another, without their line breaks.
    private var text: [UInt8] = []
    /// Where each kept line ends in ``text``.
    private var ends: [Int] = []

    /// The lines of `bytes` whose numbers are in `lines`.
    public init(of bytes: [UInt8], keeping lines: Set<Int>) {
        guard let last = lines.max() else { return }
        var line = 1
        var start = 0
        while start < bytes.count, line <= last {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if lines.contains(line) {
                numbers.append(line)
                text += bytes[start..<end]
                ends.append(text.count)
            }
            start = end + 1
            line += 1
        }
    }

    /// The file as a renderer reads it: every kept line at its place, every other line empty, up to the
    /// last kept line. Built when a diagnostic is rendered, so only one file's lines exist at a time.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        var line = 1
        for (index, number) in numbers.enumerated() {
            bytes += repeatElement(UInt8(ascii: "\n"), count: number - line)
            bytes += text[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
            line = number
        }
        return bytes
    }
}
