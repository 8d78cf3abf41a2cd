import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// The credit categories a therapist's profile gives its completed courses, held against the
/// Requirements for the therapist's credential: credits in a category the Requirements do not list count
/// toward none of their minimums or caps, and the planner and the audit would count them without saying so.
public enum ProfileCategories {
    /// An error for every completed course of `therapist` (stored in `document`) whose category the
    /// Requirements for the therapist's credential (the first among `requirements`, as the planner and the
    /// audit choose) do not list; none when no Requirements cover the credential (`plan.no-requirements`).
    public static func unknown(_ document: LoadedDocument, _ therapist: Therapist,
                               requirements: [RecertificationRequirements]) -> [Diagnostic] {
        guard let rules = requirements.first(where: { $0.credential == therapist.credential.name }) else { return [] }
        let categories = rules.categories
        return therapist.completed.filter { !categories.contains($0.category) }.map { entry in
            let pointer = JSONPointer.appending("category", to: entry.pointer)
            let what = entry.course.map { "'\($0)'" } ?? entry.title.map { "\"\($0)\"" } ?? "a completed course"
            let closest = Suggestion.closest(to: entry.category, in: categories).map { "did you mean '\($0)'? " } ?? ""
            return Diagnostic(DocumentErrorCode.unknownCategory,
                              message: "\(therapist.name)'s completed course \(what) is in credit category '\(entry.category)', "
                                  + "which the \(rules.credential) Requirements (\(rules.metadata.name)) do not list",
                              location: document.location(of: pointer), pointer: pointer,
                              hint: closest + "the categories: \(categories.joined(separator: ", "))")
        }
    }
}
