import TacetDiagnostics
import TacetDocuments

/// What changed in one resolved policy (a team's policy with its layers stacked) between a base and a
/// head version: the structural comparison behind `tacet diff`.
public struct PolicyDelta: Sendable, Hashable {
    /// Whether the policy is new, gone or changed.
    public enum Status: String, Sendable, Hashable {
        /// Only the head has the policy.
        case added
        /// Only the base has the policy.
        case removed
        /// Both have it, and it differs.
        case changed
    }

    /// The policy's name.
    public var policy: String
    /// The team its last layer names, if any.
    public var team: String?
    /// New, gone or changed.
    public var status: Status
    /// The changes, tasks first (in the head's order, then the removed ones), then tools, then rules, then
    /// the client notice, then supervision and credentials.
    public var changes: [PolicyChange]

    /// Creates a delta.
    public init(policy: String, team: String?, status: Status, changes: [PolicyChange]) {
        self.policy = policy
        self.team = team
        self.status = status
        self.changes = changes
    }

    /// The policies that differ between `base` and `head` (resolved by ``PolicyResolver``), by name; a
    /// policy the same on both sides is left out. A policy added or removed as a whole lists its tasks,
    /// tools and rules as added or removed, so a reader sees what it brings or takes away. The client
    /// notice's settings are compared field by field, since a signature dropped from the form is a loosening.
    public static func compare(base: [String: ResolvedPolicy], head: [String: ResolvedPolicy]) -> [PolicyDelta] {
        let names = Set(base.keys).union(head.keys).sorted()
        return names.compactMap { name in
            let before = base[name]
            let after = head[name]
            var changes = compareTasks(before, after)
            changes += compareTools(before, after)
            changes += compareRules(before, after)
            changes += compareNotice(before, after)
            changes += comparePeople(before, after)
            let status: Status = before == nil ? .added : after == nil ? .removed : .changed
            guard status != .changed || !changes.isEmpty else { return nil }
            let team = (after ?? before)?.layers.last?.metadata.team
            return PolicyDelta(policy: name, team: team, status: status, changes: changes)
        }
    }

    private static func compareTasks(_ base: ResolvedPolicy?, _ head: ResolvedPolicy?) -> [PolicyChange] {
        let headOrder = head?.taskOrder ?? []
        let ids = headOrder + (base?.taskOrder ?? []).filter { head?.tasks[$0] == nil }
        return ids.flatMap { id -> [PolicyChange] in
            let before = base?.tasks[id]?.value
            let after = head?.tasks[id]?.value
            let layer = (head?.tasks[id] ?? base?.tasks[id])?.document.name
            return stated(by: layer, taskChanges(before, after, id: id))
        }
    }

    /// `changes` attributed to `layer`.
    private static func stated(by layer: String?, _ changes: [PolicyChange]) -> [PolicyChange] {
        changes.map { change in
            var attributed = change
            attributed.layer = layer
            return attributed
        }
    }

    private static func taskChanges(_ before: PolicyTask?, _ after: PolicyTask?, id: String) -> [PolicyChange] {
        switch (before, after) {
        case (nil, let task?):
            [PolicyChange(item: .task, id: id, aspect: nil, before: nil, after: PolicyWording.summary(task), effect: .added)]
        case (let task?, nil):
            [PolicyChange(item: .task, id: id, aspect: nil, before: PolicyWording.summary(task), after: nil, effect: .removed)]
        case (let before?, let after?):
            compare(before, after)
        case (nil, nil):
            []
        }
    }

    /// The aspects of a task stated on both sides that differ.
    static func compare(_ base: PolicyTask, _ head: PolicyTask) -> [PolicyChange] {
        var changes: [PolicyChange] = []
        func add(_ aspect: String, _ before: String, _ after: String, _ effect: PolicyChange.Effect) {
            guard before != after else { return }
            changes.append(PolicyChange(item: .task, id: head.id, aspect: aspect, before: before, after: after, effect: effect))
        }
        add("maxAI", base.maxAI.rawValue, head.maxAI.rawValue, base.maxAI < head.maxAI ? .loosened : .tightened)
        add("clinical", "\(base.clinical)", "\(head.clinical)", head.clinical ? .tightened : .loosened)
        add("area", base.area, head.area, .changed)
        let (reviewBefore, reviewAfter) = (base.requires.review, head.requires.review)
        add("review", PolicyWording.review(reviewBefore, task: base), PolicyWording.review(reviewAfter, task: head),
            reviewEffect(reviewBefore, reviewAfter, base: base, head: head))
        add("consent", PolicyWording.required(base.requires.consent), PolicyWording.required(head.requires.consent),
            head.requires.consent ? .tightened : .loosened)
        add("disclosure", PolicyWording.required(base.requires.disclosure), PolicyWording.required(head.requires.disclosure),
            head.requires.disclosure ? .tightened : .loosened)
        add("data", PolicyWording.data(base.requires.data), PolicyWording.data(head.requires.data),
            dataEffect(base.requires.data, head.requires.data))
        let (coursesBefore, coursesAfter) = (Set(base.requires.training), Set(head.requires.training))
        add("training", PolicyWording.list(base.requires.training), PolicyWording.list(head.requires.training),
            setEffect(more: !coursesAfter.subtracting(coursesBefore).isEmpty, fewer: !coursesBefore.subtracting(coursesAfter).isEmpty,
                      moreIs: .tightened))
        // What a client reads of the task (the handbook and notice): new words, no looser or tighter.
        add("clientTitle", base.clientTitle ?? "none", head.clientTitle ?? "none", .changed)
        add("clientDescription", base.clientDescription ?? "none", head.clientDescription ?? "none", .changed)
        return changes
    }

    /// A review added or at a higher level tightens; dropped or lower loosens; another role or area only changes.
    private static func reviewEffect(_ before: ReviewRequirement?, _ after: ReviewRequirement?,
                                     base: PolicyTask, head: PolicyTask) -> PolicyChange.Effect {
        switch (before, after) {
        case (nil, _?): return .tightened
        case (_?, nil): return .loosened
        case (let before?, let after?):
            guard before.role == after.role, (before.area ?? base.area) == (after.area ?? head.area) else { return .changed }
            return after.minLevel > before.minLevel ? .tightened : .loosened
        case (nil, nil): return .changed
        }
    }

    /// Data classes: a list where there was none (the tool decided) narrows; more classes loosen.
    private static func dataEffect(_ before: [DataClass]?, _ after: [DataClass]?) -> PolicyChange.Effect {
        switch (before, after) {
        case (nil, _?): return .tightened
        case (_?, nil): return .loosened
        case (let before?, let after?):
            return setEffect(more: !Set(after).subtracting(before).isEmpty, fewer: !Set(before).subtracting(after).isEmpty,
                             moreIs: .loosened)
        case (nil, nil): return .changed
        }
    }

    /// The effect of a set that gained (`more`) or lost (`fewer`) members, when gaining is `moreIs`.
    static func setEffect(more: Bool, fewer: Bool, moreIs: PolicyChange.Effect) -> PolicyChange.Effect {
        if more == fewer { return .changed }
        if more { return moreIs }
        return moreIs == .loosened ? .tightened : .loosened
    }

    private static func compareTools(_ base: ResolvedPolicy?, _ head: ResolvedPolicy?) -> [PolicyChange] {
        let ids = Set(base?.tools.keys.map { $0 } ?? []).union(head?.tools.keys.map { $0 } ?? []).sorted()
        return ids.flatMap { id in
            stated(by: (head?.tools[id] ?? base?.tools[id])?.document.name, toolChanges(base?.tools[id]?.value, head?.tools[id]?.value, id: id))
        }
    }

    private static func toolChanges(_ before: ApprovedTool?, _ after: ApprovedTool?, id: String) -> [PolicyChange] {
        switch (before, after) {
        case (nil, let tool?):
            return [PolicyChange(item: .tool, id: id, aspect: nil, before: nil, after: PolicyWording.summary(tool), effect: .added)]
        case (let tool?, nil):
            return [PolicyChange(item: .tool, id: id, aspect: nil, before: PolicyWording.summary(tool), after: nil, effect: .removed)]
        case (let before?, let after?):
            var changes: [PolicyChange] = []
            if Set(before.data) != Set(after.data) {
                changes.append(PolicyChange(item: .tool, id: id, aspect: "data", before: PolicyWording.list(before.data.map(\.rawValue)),
                                            after: PolicyWording.list(after.data.map(\.rawValue)),
                                            effect: dataEffect(before.data, after.data)))
            }
            if before.baa != after.baa {
                // A BAA lets the tool take PHI where its data classes allow it.
                changes.append(PolicyChange(item: .tool, id: id, aspect: "baa", before: "\(before.baa)", after: "\(after.baa)",
                                            effect: after.baa ? .loosened : .tightened))
            }
            changes += termsChanges(before.terms, after.terms, id: id)
            if before.clientName != after.clientName {
                // The name a client reads in the notice: new words, no looser or tighter.
                changes.append(PolicyChange(item: .tool, id: id, aspect: "clientName", before: before.clientName ?? "none",
                                            after: after.clientName ?? "none", effect: .changed))
            }
            return changes
        case (nil, nil):
            return []
        }
    }

    private static func compareRules(_ base: ResolvedPolicy?, _ head: ResolvedPolicy?) -> [PolicyChange] {
        let before = Dictionary((base?.rules ?? []).map { ($0.id, $0) }) { first, _ in first }
        let after = Dictionary((head?.rules ?? []).map { ($0.id, $0) }) { first, _ in first }
        let ids = (head?.rules ?? []).map(\.id) + (base?.rules ?? []).map(\.id).filter { after[$0] == nil }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.flatMap { id in
            stated(by: (after[id] ?? before[id])?.document.name, ruleChanges(before[id]?.rule, after[id]?.rule, id: id))
        }
    }

    private static func ruleChanges(_ before: PolicyRule?, _ after: PolicyRule?, id: String) -> [PolicyChange] {
        switch (before, after) {
        case (nil, let rule?):
            return [PolicyChange(item: .rule, id: id, aspect: nil, before: nil, after: PolicyWording.summary(rule), effect: .added)]
        case (let rule?, nil):
            return [PolicyChange(item: .rule, id: id, aspect: nil, before: PolicyWording.summary(rule), after: nil, effect: .removed)]
        case (let old?, let new?):
            var changes: [PolicyChange] = []
            func add(_ aspect: String, _ before: String, _ after: String, _ effect: PolicyChange.Effect = .changed) {
                guard before != after else { return }
                changes.append(PolicyChange(item: .rule, id: id, aspect: aspect, before: before, after: after, effect: effect))
            }
            add("severity", old.severity.rawValue, new.severity.rawValue, new.severity > old.severity ? .tightened : .loosened)
            add("when", PolicyWording.condition(old.when), PolicyWording.condition(new.when))
            add("message", old.message, new.message)
            add("hint", old.hint ?? "none", new.hint ?? "none")
            add("at", old.at ?? "the step", new.at ?? "the step")
            add("cite", PolicyWording.list(old.cite), PolicyWording.list(new.cite))
            return changes
        case (nil, nil):
            return []
        }
    }

    /// The client notice's fields that differ, each attributed to the layer that changed it. Every field of
    /// ``NoticeSettings`` but its pointer is compared (a test holds the two together): a field added to the
    /// notice needs its line here.
    private static func compareNotice(_ base: ResolvedPolicy?, _ head: ResolvedPolicy?) -> [PolicyChange] {
        let (before, after) = (base?.notice, head?.notice)
        var changes: [PolicyChange] = []
        func add(_ aspect: String, _ stated: (NoticeSettings) -> Bool, _ old: String, _ new: String, _ effect: PolicyChange.Effect) {
            guard old != new else { return }
            // The most specific layer stating the field on either side: a team's layer that stops stating
            // it made the change, though the head's value now comes from the policy it extends.
            let order = (head ?? base)?.layers.map(\.name) ?? []
            let layer = [noticeLayer(head, stating: stated), noticeLayer(base, stating: stated)].compactMap { $0 }
                .max { (order.firstIndex(of: $0) ?? -1) < (order.firstIndex(of: $1) ?? -1) }
            changes.append(PolicyChange(item: .notice, id: "notice", aspect: aspect, before: old, after: new, effect: effect, layer: layer))
        }
        // A signature the form asks for protects the client: asking for it tightens, dropping it loosens.
        func signature(_ aspect: String, _ field: KeyPath<NoticeSettings, Bool?>) {
            let (old, new) = (before?[keyPath: field] ?? false, after?[keyPath: field] ?? false)
            add(aspect, { $0[keyPath: field] != nil }, PolicyWording.required(old), PolicyWording.required(new), new ? .tightened : .loosened)
        }
        func text(_ aspect: String, _ field: KeyPath<NoticeSettings, String?>) {
            add(aspect, { $0[keyPath: field] != nil }, before?[keyPath: field] ?? "none", after?[keyPath: field] ?? "none", .changed)
        }
        text("contact", \.contact)
        text("rights", \.rights)
        text("refuse", \.refuse)
        text("withdraw", \.withdraw)
        signature("guardian", \.guardian)
        signature("assent", \.assent)
        add("cite", { !$0.cite.isEmpty }, PolicyWording.list(before?.cite ?? []), PolicyWording.list(after?.cite ?? []), .changed)
        return changes
    }

    /// The last of `policy`'s layers whose notice block states what `stated` asks about.
    private static func noticeLayer(_ policy: ResolvedPolicy?, stating stated: (NoticeSettings) -> Bool) -> String? {
        policy?.layers.last { layer in
            guard case .policy(let value) = layer.document, let notice = value.notice else { return false }
            return stated(notice)
        }?.name
    }
}
