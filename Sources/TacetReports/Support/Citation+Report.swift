import TacetDocuments

extension Citation {
    /// What every report says of a citation marked `assumption: true`.
    static let assumptionNote = "editable assumption, not a checked source"

    /// The title, and the section when there is one and the title does not already say it:
    /// "AMTA Code of Ethics, 1.2".
    var titleAndSection: String {
        guard let section, !title.lowercased().contains(section.lowercased()) else { return title }
        return "\(title), \(section)"
    }
}
