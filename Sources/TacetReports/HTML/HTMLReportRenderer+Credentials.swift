import TacetDocuments

extension HTMLReportRenderer.Page {
    /// ", MT-BC, NMT" after a therapist's role when their profile lists credentials beyond the one
    /// whose cycle is planned; empty otherwise, so that profiles without the list read as before.
    static func credentialsNote(_ therapist: Therapist) -> String {
        therapist.credentials.isEmpty ? "" : ", " + therapist.heldCredentials.joined(separator: ", ")
    }
}
