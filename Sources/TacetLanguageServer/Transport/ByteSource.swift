/// Where a server reads its client's bytes from: standard input, a pipe, or bytes in memory for tests.
package protocol ByteSource {
    /// Up to `count` next bytes; empty at the end of the stream (or when it cannot be read any more).
    mutating func read(upTo count: Int) -> [UInt8]
}
