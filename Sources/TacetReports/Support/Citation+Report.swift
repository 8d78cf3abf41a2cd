import TacetDocuments

extension Citation {
    /// What every report says of a citation marked `assumption: true`.
    static let assumptionNote = "editable assumption, not a checked source"

    /// The title, and the section when there is one: "AMTA Code of Ethics, 1.2".
    var titleAndSection: String { section.map { "\(title), \($0)" } ?? title }
}
