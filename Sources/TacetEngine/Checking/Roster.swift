import TacetDocuments

/// The therapists of the documents checked, by roster id: where people's levels come from.
public struct Roster: Sendable {
    /// The review role that any therapist in the roster fills.
    public static let anyTherapistRole = "therapist"

    /// Therapist documents by roster id.
    public let documents: [String: LoadedDocument]
    /// Therapists by roster id.
    public let therapists: [String: Therapist]

    /// The roster of every Therapist among `documents`.
    public init(_ documents: [LoadedDocument]) {
        var byID: [String: LoadedDocument] = [:]
        var therapists: [String: Therapist] = [:]
        for document in documents {
            guard case .therapist(let therapist) = document.document, byID[therapist.id] == nil else { continue }
            byID[therapist.id] = document
            therapists[therapist.id] = therapist
        }
        self.documents = byID
        self.therapists = therapists
    }

    /// Whether `therapist` fills `role` (`therapist` means anyone on the roster).
    public static func fills(_ therapist: Therapist, role: String) -> Bool {
        role == anyTherapistRole || therapist.role == role
    }
}
