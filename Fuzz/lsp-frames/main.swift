// Fuzz target lsp-frames: an editor's byte stream through what `tacet lsp` does with it before any check:
// the frame reader (headers, Content-Length, bodies, with the stream cut into reads of a size the first
// byte chooses), JSON-RPC bodies decoded and encoded again, text edits (`contentChanges`) applied to an
// open document with UTF-16 ranges, and each request's position and range mapped into the edited text,
// which is then parsed (the production YAML limits) and indexed for navigation, every occurrence's range
// worked out as a diagnostic's would be. A session stays in memory: nothing reaches the disk or a check.
// Built and run by Scripts/fuzz.sh; not part of the package.
import TacetLanguageServer
import TacetPluginProtocol
import TacetYAML

private let parser = YAMLParser(limits: .default)

/// The production frame limits for the default YAML limits, narrowed so a fuzzed body stays short.
private let limits = FrameLimits(maxHeaderBytes: FrameLimits.accepting(.default).maxHeaderBytes, maxBodyBytes: 1 << 16)

/// The document edits apply to, until a message opens another.
private let opening = """
    apiVersion: tacet/v1
    kind: Workflow
    metadata: {name: notes}
    policy: music-therapy-ai-use
    steps:
      - {id: draft, task: progress-note-drafting, ai: ai-drafted, tool: scribe-pro, performer: t-ana}

    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let first = bytes.first else { return 0 }
    var reader = FrameReader(ByteArraySource(Array(bytes.dropFirst()), chunk: Int(first) + 1), limits: limits)
    var document = OpenDocument(uri: "file:///fuzz/notes.yaml", version: 1, text: opening)
    while true {
        switch reader.next() {
        case .end, .malformed: return 0
        case .oversized: continue
        case .message(let body):
            guard let message = JSONText.decode(body) else { continue }
            guard JSONText.decode(JSONText.encode(message)) == message else {
                fatalError("a decoded message does not survive encoding")
            }
            let params = message["params"]
            if let text = params?["textDocument"]?["text"]?.stringValue {
                document = OpenDocument(uri: params?["textDocument"]?["uri"]?.stringValue ?? document.uri, version: nil, text: text)
            }
            for change in params?["contentChanges"]?.arrayValue ?? [] { _ = document.apply(change) }
            let source = SourceText(document.text)
            for position in [TextPosition(params?["position"]), TextRange(params?["range"])?.start, TextRange(params?["range"])?.end] {
                guard let position else { continue }
                let column = source.column(of: position)
                _ = source.index(of: position)
                _ = source.tokenRange(line: position.line + 1, column: column)
            }
            guard let root = try? parser.parse(document.bytes) else { continue }
            for occurrence in SymbolIndex([(file: document.path, root: root)]).occurrences {
                let range = source.tokenRange(line: occurrence.mark.line, column: occurrence.mark.column)
                guard range.start <= range.end else { fatalError("an occurrence's range ends before it starts") }
            }
        }
    }
}
