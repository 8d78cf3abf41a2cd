import TacetDocuments

extension PolicyDelta {
    /// How the supervision and credentials blocks changed, each attributed to the most specific layer that
    /// states the block on either side. A policy without `supervision` supervises nobody and names no
    /// supervisor (as ``PolicyResolver`` reads it), so the block is compared as two lists: a supervised role
    /// added tightens and one dropped loosens; a supervisor role added loosens (it may now clear a
    /// trainee's AI use) and one dropped tightens. A recognised credential added loosens and one dropped
    /// tightens; a `credentials` block that appears tightens, since the rules that read credential facts,
    /// silent without it, now apply.
    static func comparePeople(_ base: ResolvedPolicy?, _ head: ResolvedPolicy?) -> [PolicyChange] {
        var changes: [PolicyChange] = []
        let supervisionLayer = peopleLayer(base, head) { $0.supervision != nil }
        func supervision(_ aspect: String, _ old: [String], _ new: [String], moreIs: PolicyChange.Effect?) {
            guard Set(old) != Set(new) else { return }
            let effect = moreIs.map { setEffect(more: !Set(new).subtracting(old).isEmpty, fewer: !Set(old).subtracting(new).isEmpty, moreIs: $0) }
                ?? .changed
            changes.append(PolicyChange(item: .supervision, id: "supervision", aspect: aspect, before: PolicyWording.list(old),
                                        after: PolicyWording.list(new), effect: effect, layer: supervisionLayer))
        }
        let (supervisedBefore, supervisedAfter) = (base?.supervision, head?.supervision)
        supervision("roles", supervisedBefore?.roles ?? [], supervisedAfter?.roles ?? [], moreIs: .tightened)
        supervision("supervisors", supervisedBefore?.supervisors ?? [], supervisedAfter?.supervisors ?? [], moreIs: .loosened)
        supervision("cite", supervisedBefore?.cite ?? [], supervisedAfter?.cite ?? [], moreIs: nil)

        let credentialsLayer = peopleLayer(base, head) { $0.credentials != nil }
        let (recognisedBefore, recognisedAfter) = (base?.credentials, head?.credentials)
        func credentials(_ aspect: String, _ old: String, _ new: String, _ effect: PolicyChange.Effect) {
            guard old != new else { return }
            changes.append(PolicyChange(item: .credentials, id: "credentials", aspect: aspect, before: old, after: new,
                                        effect: effect, layer: credentialsLayer))
        }
        switch (recognisedBefore, recognisedAfter) {
        case (let old?, let new?):
            credentials("recognised", PolicyWording.list(old.recognised), PolicyWording.list(new.recognised),
                        setEffect(more: !Set(new.recognised).subtracting(old.recognised).isEmpty,
                                  fewer: !Set(old.recognised).subtracting(new.recognised).isEmpty, moreIs: .loosened))
            credentials("cite", PolicyWording.list(old.cite), PolicyWording.list(new.cite), .changed)
        case (nil, let new?):
            credentials("recognised", "not stated", PolicyWording.list(new.recognised), .tightened)
        case (let old?, nil):
            credentials("recognised", PolicyWording.list(old.recognised), "not stated", .loosened)
        case (nil, nil):
            break
        }
        return changes
    }

    /// The most specific layer, on the head's side or the base's, whose own document states what `states`
    /// asks about: a team's layer that stops stating a block made the change.
    private static func peopleLayer(_ base: ResolvedPolicy?, _ head: ResolvedPolicy?, states: (Policy) -> Bool) -> String? {
        func last(_ policy: ResolvedPolicy?) -> String? {
            policy?.layers.last { layer in
                guard case .policy(let value) = layer.document else { return false }
                return states(value)
            }?.name
        }
        let order = (head ?? base)?.layers.map(\.name) ?? []
        return [last(head), last(base)].compactMap { $0 }
            .max { (order.firstIndex(of: $0) ?? -1) < (order.firstIndex(of: $1) ?? -1) }
    }
}
