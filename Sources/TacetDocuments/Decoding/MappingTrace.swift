/// The keys a decoder read from one mapping, recorded when a ``DecodingContext`` traces: what keeps
/// the JSON Schemas in docs/schemas honest (a test compares each schema's properties with these).
public struct MappingTrace: Sendable, Hashable {
    /// The mapping's JSON Pointer in its document.
    public var pointer: String
    /// What the mapping is ("a task", "the document").
    public var what: String
    /// Every key the decoder asked for, in order.
    public var known: [String]
    /// The keys it requires.
    public var required: [String]
}
