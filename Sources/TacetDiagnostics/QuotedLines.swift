/// The few lines of a file that its diagnostics quote, kept by number once the file itself is released:
/// a check keeps these of every workflow it streams, so they cost one small buffer a file, not a byte a line.
public struct QuotedLines: Sendable, Hashable {
    /// Each kept line as its number (8 bytes, little-endian), its length (4 bytes) and its bytes without the
    /// line break, in ascending order of number: one allocation a file, where an array per part made three.
    private var storage: [UInt8] = []

    /// The lines of `bytes` whose numbers are in `lines`.
    public init(of bytes: [UInt8], keeping lines: Set<Int>) {
        // Walked in order against the wanted numbers, sorted: a check streams every workflow through here,
        // and asking a set about each of a file's hundreds of lines cost more than finding their ends.
        let wanted = lines.filter { $0 >= 1 }.sorted()
        guard !wanted.isEmpty else { return }
        var next = 0
        var line = 1
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count, next < wanted.count {
                let end = Self.lineEnd(in: buffer, from: start)
                if line == wanted[next] {
                    append(line, bytes[start..<end])
                    next += 1
                }
                start = end + 1
                line += 1
            }
        }
    }

    private init() {}

    /// The index of the first line feed in `buffer` at or after `start`, or the buffer's end. Eight bytes are
    /// tested at a time (a word holds a line feed when one of its bytes XOR 0x0A is zero): searched byte by
    /// byte, the quoted lines of 2,000 streamed workflows cost about 35 ms of CPU.
    static func lineEnd(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress else { return buffer.count }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian ^ (ones &* 0x0A)
            let zeros = (word &- ones) & ~word & highs
            // The lowest flagged byte is the first line feed: borrows only flag bytes above a true zero byte.
            if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < buffer.count, buffer[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// The 1-based numbers of the lines kept, ascending.
    public var numbers: [Int] { entries.map(\.number) }

    /// These lines and those of `other` (a line both keep is the same line of one file: this one's is kept).
    public func merging(_ other: QuotedLines) -> QuotedLines {
        guard !other.storage.isEmpty else { return self }
        guard !storage.isEmpty else { return other }
        var merged = QuotedLines()
        var mine = entries[...]
        var theirs = other.entries[...]
        while let next = [mine.first, theirs.first].compactMap({ $0 }).min(by: { $0.number < $1.number }) {
            merged.append(next.number, next.bytes)
            if mine.first?.number == next.number { mine = mine.dropFirst() }
            if theirs.first?.number == next.number { theirs = theirs.dropFirst() }
        }
        return merged
    }

    /// The file as a renderer reads it: every kept line at its place, every other line empty, up to the
    /// last kept line. Built when a diagnostic is rendered, so only one file's lines exist at a time.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        var line = 1
        for entry in entries {
            bytes += repeatElement(UInt8(ascii: "\n"), count: entry.number - line)
            bytes += entry.bytes
            line = entry.number
        }
        return bytes
    }

    /// The kept lines in order, each with its number.
    private var entries: [(number: Int, bytes: ArraySlice<UInt8>)] {
        var entries: [(number: Int, bytes: ArraySlice<UInt8>)] = []
        var offset = 0
        while offset + 12 <= storage.count {
            let number = Self.read(storage, at: offset, width: 8)
            let length = Self.read(storage, at: offset + 8, width: 4)
            let end = min(storage.count, offset + 12 + length)
            entries.append((number, storage[(offset + 12)..<end]))
            offset = end
        }
        return entries
    }

    private mutating func append(_ number: Int, _ line: ArraySlice<UInt8>) {
        storage.reserveCapacity(storage.count + 12 + line.count)
        for shift in stride(from: 0, to: 64, by: 8) { storage.append(UInt8(truncatingIfNeeded: UInt64(number) >> UInt64(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { storage.append(UInt8(truncatingIfNeeded: UInt32(line.count) >> UInt32(shift))) }
        storage += line
    }

    private static func read(_ bytes: [UInt8], at offset: Int, width: Int) -> Int {
        var value: UInt64 = 0
        for index in 0..<width { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        return Int(truncatingIfNeeded: value)
    }
}
