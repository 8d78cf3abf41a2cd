/// One difference between two versions of a resolved policy: a task, tool or rule added or removed, or
/// one aspect of it (an AI level, a requirement, a tool's data classes, a rule's condition, a signature
/// the client notice asks for, a supervised role, a recognised credential, the words a client reads) changed.
public struct PolicyChange: Sendable, Hashable {
    /// What kind of policy item changed.
    public enum Item: String, Sendable, Hashable, CaseIterable {
        /// A classified task.
        case task
        /// An approved tool.
        case tool
        /// A rule beyond the task table.
        case rule
        /// The client notice's settings (`notice`): its contact, rights, promises, signatures and citations.
        case notice
        /// The supervision settings (`supervision`): the supervised roles and their supervisors.
        case supervision
        /// The recognised credentials (`credentials`).
        case credentials

        /// Whether a policy has one such item, so that its id would only repeat the item's name.
        public var isSingle: Bool { self == .notice || self == .supervision || self == .credentials }
    }

    /// What the change does to the people the policy governs.
    public enum Effect: String, Sendable, Hashable, CaseIterable {
        /// The item is new.
        case added
        /// The item is gone.
        case removed
        /// AI may do more, or less is asked of it (a higher AI level, a requirement dropped, more data).
        case loosened
        /// AI may do less, or more is asked of it.
        case tightened
        /// Different, neither looser nor tighter on the policy's own scales (a rule's message, a reviewer's role).
        case changed
    }

    /// The kind of item.
    public var item: Item
    /// The item's id.
    public var id: String
    /// The aspect that changed (`maxAI`, `review`, `consent`, `data`, `training`, `severity`, ...), or
    /// nil when the whole item was added or removed.
    public var aspect: String?
    /// The aspect (or item) as the base states it, in words of the policy's own scales; nil when added.
    public var before: String?
    /// The aspect (or item) as the head states it; nil when removed.
    public var after: String?
    /// Looser, tighter, added, removed or otherwise changed.
    public var effect: Effect
    /// The policy (layer) that states the item on the head's side (the base's, when removed): for a team's
    /// policy, whether the change is the team's own or comes from the policy it extends.
    public var layer: String?

    /// Creates a change.
    public init(item: Item, id: String, aspect: String?, before: String?, after: String?, effect: Effect, layer: String? = nil) {
        self.item = item
        self.id = id
        self.aspect = aspect
        self.before = before
        self.after = after
        self.effect = effect
        self.layer = layer
    }

    /// The change in one line, e.g. `task 'session-planning': maxAI ai-assisted -> ai-drafted (loosened)`. It
    /// quotes ids and values from the policy's YAML: escape it for a line-oriented output.
    public var sentence: String {
        // A policy has one notice (and one supervision and credentials block): its id would only repeat the item.
        let subject = item.isSingle ? item.rawValue : "\(item.rawValue) '\(id)'"
        guard let aspect else {
            switch effect {
            case .added: return "\(subject) added" + (after.map { ": \($0)" } ?? "")
            case .removed: return "\(subject) removed" + (before.map { " (was: \($0))" } ?? "")
            default: return "\(subject) \(effect.rawValue)"
            }
        }
        return "\(subject): \(aspect) \(before ?? "none") -> \(after ?? "none") (\(effect.rawValue))"
    }
}
