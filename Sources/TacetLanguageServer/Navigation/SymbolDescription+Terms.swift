import TacetDocuments

extension SymbolDescription {
    /// A tool's vendor terms in one line of a hover: "Vendor: trains on client data: no; retention: 30 days".
    static func vendorTerms(_ terms: VendorTerms) -> String {
        var parts = ["trains on client data: " + (terms.trainsOnClientData ? "yes" : "no")]
        if let retention = terms.retention { parts.append("retention: \(retention)") }
        if let deletion = terms.deletion { parts.append("deletion: \(deletion)") }
        if let location = terms.dataLocation { parts.append("data held in: \(location)") }
        return "Vendor: " + parts.joined(separator: "; ")
    }
}
