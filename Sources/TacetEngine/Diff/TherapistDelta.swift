import TacetDocuments
import TacetPlanning

/// A therapist whose learning plan a policy change changes: the review levels the policy now asks of
/// them for the steps they review, and the training it asks for the steps they perform with AI.
public struct TherapistDelta: Sendable, Hashable {
    /// One competency area whose required level changed.
    public struct Level: Sendable, Hashable {
        /// The area.
        public var area: String
        /// The level the plan had to reach on the base's side; nil when there was no gap.
        public var before: CompetencyLevel?
        /// The level the plan must reach on the head's side; nil when there is no gap any more.
        public var after: CompetencyLevel?
    }

    /// The therapist's roster id.
    public var therapist: String
    /// The file of their profile.
    public var file: String
    /// The areas whose gap opened, closed or moved, by area.
    public var levels: [Level]
    /// Courses the head asks for that the base did not.
    public var trainingAdded: [String]
    /// Courses the base asked for that the head does not.
    public var trainingDropped: [String]

    /// The therapists of `head`'s roster whose gaps or training needs (``GapAnalysis``) differ between
    /// the two sides, in roster order. Targets are the therapists' own, the same on both sides, so what
    /// differs comes from the policies.
    public static func compare(base: (documents: [LoadedDocument], policies: [String: ResolvedPolicy]),
                               head: (documents: [LoadedDocument], policies: [String: ResolvedPolicy])) -> [TherapistDelta] {
        head.documents.compactMap { document in
            guard case .therapist(let therapist) = document.document else { return nil }
            let before = required(GapAnalysis.gaps(of: therapist, in: base.documents, policies: base.policies))
            let after = required(GapAnalysis.gaps(of: therapist, in: head.documents, policies: head.policies))
            let levels = Set(before.keys).union(after.keys).sorted().compactMap { area -> Level? in
                before[area] == after[area] ? nil : Level(area: area, before: before[area], after: after[area])
            }
            let coursesBefore = Set(GapAnalysis.trainings(of: therapist, in: base.documents, policies: base.policies).map(\.course))
            let coursesAfter = Set(GapAnalysis.trainings(of: therapist, in: head.documents, policies: head.policies).map(\.course))
            let delta = TherapistDelta(therapist: therapist.id, file: document.file, levels: levels,
                                       trainingAdded: coursesAfter.subtracting(coursesBefore).sorted(),
                                       trainingDropped: coursesBefore.subtracting(coursesAfter).sorted())
            return levels.isEmpty && delta.trainingAdded.isEmpty && delta.trainingDropped.isEmpty ? nil : delta
        }
    }

    /// What changes in the therapist's plan, one phrase each: `documentation needed at advanced (was
    /// proficient)`, `training added: ai-ethics`. Quotes ids from the YAML: escape for a line-oriented output.
    public var phrases: [String] {
        levels.map { level in
            switch (level.before, level.after) {
            case (nil, let after?): "\(level.area) now needed at \(after.rawValue) (no gap before)"
            case (let before?, nil): "\(level.area) no longer a gap (was needed at \(before.rawValue))"
            case (let before?, let after?): "\(level.area) needed at \(after.rawValue) (was \(before.rawValue))"
            case (nil, nil): "\(level.area) unchanged"
            }
        } + (trainingAdded.isEmpty ? [] : ["training added: " + trainingAdded.joined(separator: ", ")])
            + (trainingDropped.isEmpty ? [] : ["training dropped: " + trainingDropped.joined(separator: ", ")])
    }

    private static func required(_ gaps: [Gap]) -> [String: CompetencyLevel] {
        Dictionary(gaps.map { ($0.area, $0.required) }) { first, _ in first }
    }
}
