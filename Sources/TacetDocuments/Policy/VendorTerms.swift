import TacetYAML

/// A tool vendor's terms as the clinic's contract states them (`terms` of a tool): whether the vendor
/// trains its models on the data sent, how long it keeps it, how it deletes it, and where it is held.
///
/// Only `trainsOnClientData` is required: a clinic that records terms at all must know that. The
/// others are the contract's own words, which rules can test as text.
public struct VendorTerms: Sendable, Hashable, NodeDecodable {
    /// Whether the vendor trains (or improves) its models on data sent to the tool.
    public var trainsOnClientData: Bool
    /// How long the vendor keeps what is sent, e.g. `30 days`, `not kept`.
    public var retention: String?
    /// How the data is deleted, e.g. `on request`, `automatically after the retention period`.
    public var deletion: String?
    /// Where the data is held, e.g. `United States`.
    public var dataLocation: String?
    /// Citation ids for the terms (the contract, or an assumption).
    public var cite: [String]

    /// Creates terms.
    public init(trainsOnClientData: Bool, retention: String? = nil, deletion: String? = nil, dataLocation: String? = nil,
                cite: [String] = []) {
        self.trainsOnClientData = trainsOnClientData
        self.retention = retention
        self.deletion = deletion
        self.dataLocation = dataLocation
        self.cite = cite
    }

    /// Decodes a tool's `terms` strictly: unknown keys and wrong types are diagnosed in `context`.
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> VendorTerms? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a tool's terms", in: &context) else { return nil }
        let trains: Bool? = fields.required("trainsOnClientData", in: &context)
        let retention: String? = fields.optional("retention", in: &context)
        let deletion: String? = fields.optional("deletion", in: &context)
        let dataLocation: String? = fields.optional("dataLocation", in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let trains else { return nil }
        return VendorTerms(trainsOnClientData: trains, retention: retention, deletion: deletion, dataLocation: dataLocation, cite: cite)
    }

    /// These terms laid over `base`'s: the fields a layer states win, the ones it leaves out are the
    /// base's, and citations join (`trainsOnClientData` is always stated).
    public func over(_ base: VendorTerms?) -> VendorTerms {
        guard let base else { return self }
        return VendorTerms(trainsOnClientData: trainsOnClientData, retention: retention ?? base.retention,
                           deletion: deletion ?? base.deletion, dataLocation: dataLocation ?? base.dataLocation,
                           cite: base.cite + cite.filter { !base.cite.contains($0) })
    }
}
