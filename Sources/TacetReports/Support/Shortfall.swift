import TacetDocuments

/// Something a run could not check, in numbers: "1 of 2 workflows could not be checked", "1 file
/// could not be loaded". A summary states every shortfall, so a count never reads as all clear when
/// part of the input was left out.
package struct Shortfall: Sendable, Equatable {
    /// How many were left out.
    package var missed: Int
    /// How many there were in all; nil when the total says nothing useful (files that did not load).
    package var total: Int?
    /// The noun, singular: "workflow".
    package var noun: String
    /// The noun, plural: "workflows".
    package var plural: String
    /// What could not be done to them: "checked", "linted", "loaded".
    package var verb: String

    /// Creates a shortfall; `plural` defaults to `noun` with an s.
    package init(_ missed: Int, of total: Int? = nil, _ noun: String, _ plural: String? = nil, verb: String) {
        self.missed = missed
        self.total = total
        self.noun = noun
        self.plural = plural ?? noun + "s"
        self.verb = verb
    }

    /// "1 of 2 workflows could not be checked", "1 file could not be loaded".
    package var phrase: String {
        let count = total.map { "\(missed) of \($0) \($0 == 1 ? noun : plural)" } ?? Wording.plural(missed, noun, plural)
        return "\(count) could not be \(verb)"
    }

    /// The files that did not load, other than those of `kinds` (counted as "N of M" beside the loaded
    /// ones): "1 Policy document could not be loaded" per kind declared, then "1 file could not be
    /// loaded" for files that said no kind (a YAML syntax error stops before it), "1 other file" after
    /// the rest.
    package static func files(_ unloaded: [UnloadedFile], besides kinds: [DocumentKind], other: Bool) -> [Shortfall] {
        let left = unloaded.filter { file in !kinds.contains { $0 == file.kind } }
        var shortfalls = Set(left.compactMap(\.kind)).sorted().map { kind in
            Shortfall(left.filter { $0.kind == kind }.count, "\(kind.rawValue) document", verb: "loaded")
        }
        let unknown = left.filter { $0.kind == nil }.count
        if unknown > 0 {
            shortfalls.append(Shortfall(unknown, other || !shortfalls.isEmpty ? "other file" : "file", verb: "loaded"))
        }
        return shortfalls
    }
}
