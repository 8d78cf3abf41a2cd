/// The kinds of id a document defines and others refer to, which hover, definition, references and
/// completion know.
package enum SymbolKind: String, Sendable, Hashable, CaseIterable {
    /// A policy's task (`tasks[].id`), named by a workflow step's `task`.
    case task
    /// A policy's approved tool (`tools[].id`), named by a step's `tool`.
    case tool
    /// A policy's rule (`rules[].id`), named by an exception's `rule`.
    case rule
    /// A therapist's profile (`metadata.name`), named by `performer`, `reviewer` and `therapist`.
    case therapist
    /// A catalog's course (`courses[].id`), named by `course`, `prerequisites` and `training`.
    case course
    /// A framework's competency area (`areas[].id`), named by `area` and by the keys of a therapist's
    /// `levels` and `targets`.
    case area

    /// The kind of id that a value under `key` names (or each item of a list under it).
    static func referenced(by key: String) -> SymbolKind? {
        switch key {
        case "task": .task
        case "tool": .tool
        case "rule": .rule
        case "performer", "reviewer", "therapist": .therapist
        case "course", "prerequisites", "training": .course
        case "area": .area
        default: nil
        }
    }
}
