import Foundation

/// Splits the client's byte stream into LSP messages: a header part of `Name: value` lines ended by a
/// blank line (`Content-Length` required, `Content-Type` and any other header ignored), then exactly
/// `Content-Length` bytes of body. Every read is bounded by ``FrameLimits``.
package struct FrameReader<Source: ByteSource> {
    private var source: Source
    private let limits: FrameLimits
    /// Bytes read but not yet consumed, from `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    /// Reads frames from `source` within `limits`.
    package init(_ source: Source, limits: FrameLimits) {
        self.source = source
        self.limits = limits
    }

    /// The next frame. After `.malformed` or `.end` every call returns `.end`.
    package mutating func next() -> Frame {
        guard !ended else { return .end }
        let frame = readFrame()
        switch frame {
        case .malformed, .end: ended = true
        case .message, .oversized: break
        }
        return frame
    }

    private mutating func readFrame() -> Frame {
        var headerEnd: Int?
        var searched = start
        while headerEnd == nil {
            headerEnd = Self.blankLine(in: buffer, from: max(start, searched - 3))
            if headerEnd != nil { break }
            if buffer.count - start > limits.maxHeaderBytes {
                return .malformed("the message header is over \(limits.maxHeaderBytes) bytes")
            }
            searched = buffer.count
            guard fill() else {
                return buffer.count == start ? .end : .malformed("the stream ended inside a message header")
            }
        }
        // invariant: the loop only ends with headerEnd set.
        guard let end = headerEnd else { return .end }
        if end - start > limits.maxHeaderBytes { return .malformed("the message header is over \(limits.maxHeaderBytes) bytes") }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        consume(to: end + 4)
        let length: Int
        switch Self.contentLength(header) {
        case .success(let value): length = value
        case .failure(let problem): return .malformed(problem.reason)
        }
        guard length <= limits.maxBodyBytes else { return skip(length) }
        while buffer.count - start < length {
            guard fill() else { return .malformed("the stream ended inside a message body") }
        }
        let body = Array(buffer[start..<(start + length)])
        consume(to: start + length)
        return .message(body)
    }

    /// Reads and drops `length` bytes of an oversized body without holding them.
    private mutating func skip(_ length: Int) -> Frame {
        var left = length
        while left > 0 {
            if buffer.count == start, !fill() { return .malformed("the stream ended inside a message body") }
            let taken = min(left, buffer.count - start)
            consume(to: start + taken)
            left -= taken
        }
        return .oversized(length)
    }

    /// Appends the source's next bytes to the buffer; false at the end of the stream.
    private mutating func fill() -> Bool {
        let bytes = source.read(upTo: 64 * 1024)
        guard !bytes.isEmpty else { return false }
        buffer += bytes
        return true
    }

    /// Drops consumed bytes, keeping the buffer no larger than the message being read.
    private mutating func consume(to offset: Int) {
        start = offset
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1024 * 1024)
            start = 0
        } else if start > 64 * 1024 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    /// The offset of the first `\r\n\r\n` in `bytes` at or after `from`.
    private static func blankLine(in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + 3 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// Why a header part was refused.
    private struct HeaderProblem: Error {
        let reason: String
    }

    /// The `Content-Length` of a header part (its lines without the closing blank line).
    private static func contentLength(_ header: String) -> Result<Int, HeaderProblem> {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem(reason: "a header line has no ':' (\(line.prefix(40).debugDescription))"))
            }
            guard String(line[..<colon]).trimmingCharacters(in: .whitespaces).lowercased() == "content-length" else { continue }
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            // At most 12 digits: no body this server keeps is longer, and Int never overflows.
            guard !value.isEmpty, value.count <= 12, value.allSatisfy(\.isASCIIDigit), let number = Int(value) else {
                return .failure(HeaderProblem(reason: "Content-Length is not a byte count (\(value.prefix(40).debugDescription))"))
            }
            length = number
        }
        guard let length else { return .failure(HeaderProblem(reason: "the message header has no Content-Length")) }
        return .success(length)
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0-9.
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
