import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// The competency areas a therapist's profile names under `levels` and `targets`, held against the
/// framework's: a misspelt area would otherwise be read as no level at all, and the reviewer who holds it
/// reported as unqualified for a reason the profile does not show.
public enum ProfileAreas {
    /// An error for every area `therapist` (stored in `document`) names that `framework` does not define.
    public static func unknown(_ document: LoadedDocument, _ therapist: Therapist, framework: Framework) -> [Diagnostic] {
        let areas = framework.areas.map(\.id)
        guard !areas.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        for (key, named) in [("levels", therapist.levels.keys), ("targets", therapist.targets.keys)] {
            for area in named.sorted() where !areas.contains(area) {
                let pointer = JSONPointer.appending(area, to: "/" + key)
                problems.append(Diagnostic(DocumentErrorCode.undefinedReference,
                                           message: "\(therapist.name)'s \(key) name area '\(area)', which the framework does not define",
                                           location: document.location(of: pointer), pointer: pointer,
                                           hint: Suggestion.closest(to: area, in: areas).map { "did you mean '\($0)'?" }
                                               ?? "areas: \(areas.joined(separator: ", "))"))
            }
        }
        return problems
    }
}
