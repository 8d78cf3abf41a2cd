import TacetDocuments

/// A policy item together with the layer that defined it, so findings and lint can point at it.
public struct Sourced<Value: Sendable>: Sendable {
    /// The item.
    public var value: Value
    /// The policy document (layer) it came from.
    public var document: LoadedDocument
}
