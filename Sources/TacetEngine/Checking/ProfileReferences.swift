import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// What a therapist's profile names from the Requirements for their credential: the credit categories of
/// its completed courses and the professional activities it opens or records. A category the Requirements
/// do not list counts toward none of their minimums or caps, and an activity they do not credit can never
/// be planned: the planner and the audit would count or skip them without saying so.
public enum ProfileReferences {
    /// An error for every completed course of `therapist` (stored in `document`) whose category the
    /// Requirements for the therapist's credential (the first among `requirements`, as the planner and the
    /// audit choose) do not list, and for every activity it names that those Requirements do not credit; none
    /// when no Requirements cover the credential (`plan.no-requirements`) or the therapist holds none.
    public static func unknown(_ document: LoadedDocument, _ therapist: Therapist,
                               requirements: [RecertificationRequirements]) -> [Diagnostic] {
        guard let credential = therapist.credential,
              let rules = requirements.first(where: { $0.credential == credential.name }) else { return [] }
        let categories = rules.categories
        var problems = therapist.completed.filter { !categories.contains($0.category) }.map { entry in
            let pointer = JSONPointer.appending("category", to: entry.pointer)
            let what = entry.course.map { "'\($0)'" } ?? entry.title.map { "\"\($0)\"" } ?? "a completed course"
            // A category that is a topic of a minimum (ethics, before CBMT's credits were modelled within CMTE) moves there.
            let topic = rules.minimums.first { $0.topic == entry.category }
            let closest = topic.map { "the Requirements count \(entry.category) as a topic within \($0.category): write "
                                      + "category: \($0.category), topics: [\(entry.category)]; " }
                ?? Suggestion.closest(to: entry.category, in: categories).map { "did you mean '\($0)'? " } ?? ""
            return Diagnostic(DocumentErrorCode.unknownCategory,
                              message: "\(therapist.name)'s completed course \(what) is in credit category '\(entry.category)', "
                                  + "which the \(rules.credential) Requirements (\(rules.metadata.name)) do not list",
                              location: document.location(of: pointer), pointer: pointer,
                              hint: closest + "the categories: \(categories.joined(separator: ", "))")
        }
        let activities = rules.activities.map(\.id)
        let named = therapist.activities.enumerated().map { ($0.element, "/activities/\($0.offset)") }
            + therapist.completed.compactMap { entry in entry.activity.map { ($0, JSONPointer.appending("activity", to: entry.pointer)) } }
        for (id, pointer) in named where !activities.contains(id) {
            let closest = Suggestion.closest(to: id, in: activities).map { "did you mean '\($0)'? " } ?? ""
            problems.append(Diagnostic(DocumentErrorCode.undefinedReference,
                                       message: "activity '\(id)' is not among the professional activities the \(rules.credential) "
                                           + "Requirements (\(rules.metadata.name)) credit",
                                       location: document.location(of: pointer), pointer: pointer,
                                       hint: closest + (activities.isEmpty ? "they list none" : "the activities: \(activities.joined(separator: ", "))")))
        }
        return problems
    }
}
