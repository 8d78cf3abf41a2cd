import Testing
import TacetLanguageServer

/// The framing of the client's byte stream, which is untrusted: every bad frame is named, none crashes or
/// makes the reader hold more than its limits.
@Suite("LSP framing")
struct FrameReaderTests {
    private let limits = FrameLimits(maxHeaderBytes: 128, maxBodyBytes: 32)

    private func frames(_ text: String, chunk: Int = .max) -> [Frame] {
        var reader = FrameReader(ByteArraySource(Array(text.utf8), chunk: chunk), limits: limits)
        var frames: [Frame] = []
        while true {
            let frame = reader.next()
            frames.append(frame)
            if frame == .end { return frames }
        }
    }

    @Test("messages split anywhere by the pipe are read whole, with Content-Type and header case ignored")
    func splitMessages() {
        let stream = "Content-Length: 2\r\n\r\n{}content-length: 4\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nnull"
        for chunk in [1, 2, 7, 1000] {
            #expect(frames(stream, chunk: chunk) == [.message(Array("{}".utf8)), .message(Array("null".utf8)), .end])
        }
    }

    @Test("a body over the limit is skipped unread and the next message still read")
    func oversized() {
        let big = String(repeating: "x", count: 40)
        #expect(frames("Content-Length: 40\r\n\r\n\(big)Content-Length: 2\r\n\r\n[]")
            == [.oversized(40), .message(Array("[]".utf8)), .end])
    }

    @Test("a header that cannot be followed ends the stream with its reason")
    func malformed() {
        #expect(frames("Content-Length: 2\r\nno colon here\r\n\r\n{}")
            == [.malformed("a header line has no ':' (\"no colon here\")"), .end])
        #expect(frames("Content-Type: text\r\n\r\n{}") == [.malformed("the message header has no Content-Length"), .end])
        #expect(frames("Content-Length: -5\r\n\r\n") == [.malformed("Content-Length is not a byte count (\"-5\")"), .end])
        #expect(frames("Content-Length: 99999999999999999999\r\n\r\n")
            == [.malformed("Content-Length is not a byte count (\"99999999999999999999\")"), .end])
        #expect(frames(String(repeating: "a", count: 200)) == [.malformed("the message header is over 128 bytes"), .end])
        #expect(frames("Content-Length: 10\r\n\r\n{}") == [.malformed("the stream ended inside a message body"), .end])
        #expect(frames("Content-Len") == [.malformed("the stream ended inside a message header"), .end])
    }

    @Test("a stream closed between messages is a clean end")
    func cleanEnd() {
        #expect(frames("") == [.end])
    }
}
