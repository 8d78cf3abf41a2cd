import TacetDocuments

/// The therapists of the documents checked, by roster id: where people's levels come from, and the
/// catalogs' courses, which say how long the training people hold stays current.
public struct Roster: Sendable {
    /// The review role that any therapist in the roster fills.
    public static let anyTherapistRole = "therapist"

    /// Therapist documents by roster id.
    public let documents: [String: LoadedDocument]
    /// Therapists by roster id.
    public let therapists: [String: Therapist]
    /// Every catalog course among the documents, by id (the first catalog to list an id wins).
    public let courses: [String: Course]
    /// The files of Therapist documents that could not be loaded, by the roster id they declare: a step
    /// naming one is told to fix that file, not to add a profile that exists.
    public let unloadedProfiles: [String: String]

    /// The roster of every Therapist among `documents`, with the courses of every Catalog; `unloaded`
    /// are the files that held no valid document.
    public init(_ documents: [LoadedDocument], unloaded: [UnloadedFile] = []) {
        var byID: [String: LoadedDocument] = [:]
        var therapists: [String: Therapist] = [:]
        var courses: [String: Course] = [:]
        for document in documents {
            switch document.document {
            case .therapist(let therapist) where byID[therapist.id] == nil:
                byID[therapist.id] = document
                therapists[therapist.id] = therapist
            case .catalog(let catalog):
                for course in catalog.courses where courses[course.id] == nil { courses[course.id] = course }
            default:
                continue
            }
        }
        self.documents = byID
        self.therapists = therapists
        self.courses = courses
        var profiles: [String: String] = [:]
        for file in unloaded where file.kind == .therapist {
            if let name = file.name, profiles[name] == nil { profiles[name] = file.file }
        }
        unloadedProfiles = profiles
    }

    /// Whether `therapist` holds `course`, current on `day`.
    public func training(_ course: String, of therapist: Therapist, on day: CalendarDate) -> TrainingStatus {
        TrainingStatus(of: therapist, course: course, courses: courses, on: day)
    }

    /// Whether `therapist` fills `role` (`therapist` means anyone on the roster).
    public static func fills(_ therapist: Therapist, role: String) -> Bool {
        role == anyTherapistRole || therapist.role == role
    }
}
