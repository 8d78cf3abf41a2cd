import TacetDocuments

extension PolicyDelta {
    /// How a tool's vendor terms changed: a vendor that now trains on client data tightens (the policy's
    /// rules keep more data from it), one that no longer does loosens; the contract's words only change.
    static func termsChanges(_ before: VendorTerms?, _ after: VendorTerms?, id: String) -> [PolicyChange] {
        guard before != after else { return [] }
        func words(_ flag: Bool?) -> String? { flag.map { "\($0)" } }
        var changes: [PolicyChange] = []
        let (trainedBefore, trainsAfter) = (before?.trainsOnClientData, after?.trainsOnClientData)
        if trainedBefore != trainsAfter {
            let effect: PolicyChange.Effect = switch (trainedBefore, trainsAfter) {
            case (_, true?): .tightened
            case (true?, _): .loosened
            default: .changed
            }
            changes.append(PolicyChange(item: .tool, id: id, aspect: "terms.trainsOnClientData", before: words(trainedBefore),
                                        after: words(trainsAfter), effect: effect))
        }
        let texts: [(String, String?, String?)] = [
            ("terms.retention", before?.retention, after?.retention),
            ("terms.deletion", before?.deletion, after?.deletion),
            ("terms.dataLocation", before?.dataLocation, after?.dataLocation),
        ]
        for (aspect, was, now) in texts where was != now {
            changes.append(PolicyChange(item: .tool, id: id, aspect: aspect, before: was, after: now, effect: .changed))
        }
        return changes
    }
}
