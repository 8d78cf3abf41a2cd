import TacetDocuments

/// One document's part of a check request, turned into JSON once per run and shared by every call that
/// sends it, whichever plugin and protocol version: calls hold references to these bytes, not copies.
public struct EncodedDocument: Sendable {
    /// The document.
    public var document: LoadedDocument
    /// `{"file":…,"kind":…,"name":…,"content":` — the document object up to its content.
    public var head: [UInt8]
    /// The document's content as compact JSON: the large part, never copied per call.
    public var content: [UInt8]
    /// The name of the policy that governs it (a key of the context's policies), or nil.
    public var policy: String?
    /// Creates an encoded document (``PluginContext/encode(_:)`` makes them from a context).
    public init(document: LoadedDocument, head: [UInt8], content: [UInt8], policy: String?) {
        self.document = document
        self.head = head
        self.content = content
        self.policy = policy
    }

    /// The bytes this document adds to a protocol 2 request, near enough to size batches by.
    public var byteCount: Int { head.count + content.count + (policy?.utf8.count ?? 4) + 12 }
}
