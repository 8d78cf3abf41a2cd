/// The keys a decoder read from one mapping, recorded when a ``DecodingContext`` traces: what keeps
/// the JSON Schemas in docs/schemas honest (a test compares each schema's properties with these).
///
/// Which keys are required is not recorded: a decoder may require a key by hand, or only together
/// with another, so the test finds that out by removing each key and decoding again.
public struct MappingTrace: Sendable, Hashable {
    /// The mapping's JSON Pointer in its document.
    public var pointer: String
    /// What the mapping is ("a task", "the document").
    public var what: String
    /// Every key the decoder asked for, in order.
    public var known: [String]
}
