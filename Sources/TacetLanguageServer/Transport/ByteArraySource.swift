/// Bytes held in memory, given out in chunks of at most `chunk` bytes, so that tests can split a
/// message anywhere a pipe might.
package struct ByteArraySource: ByteSource {
    private var bytes: [UInt8]
    private var offset = 0
    private let chunk: Int

    /// Serves `bytes`, at most `chunk` at a time.
    package init(_ bytes: [UInt8], chunk: Int = .max) {
        self.bytes = bytes
        self.chunk = max(chunk, 1)
    }

    package mutating func read(upTo count: Int) -> [UInt8] {
        let end = min(bytes.count, offset + min(count, chunk))
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
