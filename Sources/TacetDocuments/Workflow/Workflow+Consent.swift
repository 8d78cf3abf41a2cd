extension Workflow {
    /// Whether some of its clients cannot consent alone: it serves minors (or minors and adults), or
    /// says its clients may not consent for themselves. Then a guardian signs and the client assents.
    public var servesClientsWhoCannotConsentAlone: Bool {
        ageBand == .minors || ageBand == .mixed || selfConsent == false
    }

    /// Who its clients are, as far as the consent rules read it, in words for reports: "minors; group
    /// sessions". Nil when the workflow states none of it (individual sessions are the default).
    public var clientSummary: String? {
        var parts: [String] = []
        switch ageBand {
        case .minors?: parts.append("minors")
        case .adults?: parts.append("adults")
        case .mixed?: parts.append("minors and adults")
        case nil: break
        }
        switch selfConsent {
        case true?: parts.append("clients consent for themselves")
        case false?: parts.append("clients who may not consent for themselves")
        case nil: break
        }
        if format == .group { parts.append("group sessions") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
