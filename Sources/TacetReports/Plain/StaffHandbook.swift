import TacetDiagnostics
import TacetDocuments
import TacetEngine

/// The staff AI-use handbook (`tacet handbook`): the resolved policy in force for a team, in plain
/// words. Each task says what AI may and may not do, who reviews and at what level, consent and
/// disclosure, which data may go to which approved tool, and the training needed; a team's layer is
/// marked where it differs from the policy it extends; the rules are their messages and fixes;
/// every entry links to its sources, and the clinic's own assumptions are marked as such.
package struct StaffHandbook {
    /// The policy in force.
    let policy: ResolvedPolicy
    /// The policy the team's layer extends (every layer but the last, resolved), when the policy has layers.
    let base: ResolvedPolicy?
    /// Catalog courses by id, for the training's titles.
    let courses: [String: Course]
    /// Where file paths are shown relative to.
    let workingDirectory: String

    /// Prepares the handbook of `policy`; `base` is the policy its last layer extends.
    package init(policy: ResolvedPolicy, base: ResolvedPolicy?, courses: [String: Course], workingDirectory: String) {
        self.policy = policy
        self.base = base
        self.courses = courses
        self.workingDirectory = workingDirectory
    }

    /// The anchor of a task's entry, which the team report links to.
    package static func anchor(task id: String) -> String { "task-\(id)" }

    /// The handbook as a document, written by `toolVersion` on `today`.
    package func document(today: CalendarDate, toolVersion: String) -> PlainDocument {
        let team = policy.layers.last?.metadata.team
        let title = "AI-use handbook" + (team.map { " for the \($0) team" } ?? "")
        var lead: [PlainDocument.Block] = [.paragraph([.text("This handbook says, task by task, how far AI may go in our work and what each use needs. "
            + "It is made from the same policy files that tacet check uses, so the two always agree.")])]
        lead.append(.paragraph([.text("Policy: \(layerNames). Made on \(today) by tacet \(toolVersion).")]))
        var sections = [about(), tasks()]
        if let differences = teamDifferences() { sections.append(differences) }
        sections.append(tools())
        if let people = people() { sections.append(people) }
        sections += [rules(), training(), decisions(), sources()]
        return PlainDocument(title: title, lead: lead, sections: sections, toolVersion: toolVersion)
    }

    private var layerNames: String {
        Wording.series(policy.layers.map { layer in
            (layer.metadata.title ?? layer.name) + (layer.metadata.version.map { ", version \($0)" } ?? "")
        })
    }

    private func about() -> PlainDocument.Section {
        let rows: [[[PlainDocument.Inline]]] = AIUseLevel.allCases.map { level in
            [[.text(PlainWording.name(level))], [.text(PlainWording.staffMeaning(level))]]
        }
        return .init(id: "how-to-read", title: "How to read this handbook", blocks: [
            .paragraph([.text("Each task has an AI level. The levels go from no AI at all to AI doing the task. "
                + "A workflow may use less AI than its task allows, never more.")]),
            .table(caption: "The AI levels, from least to most AI", headers: ["Level", "What it means"], rows: rows),
            .paragraph([.text("Under each task you find what AI use needs: review, consent, a note in the record, the data allowed and the training. "
                + "Each entry ends with its sources. "), .assumption("The clinic's own decision"),
                .text(" marks a choice the clinic made itself. It is not a fact from a source, and the clinic may change it.")]),
        ])
    }

    private func tasks() -> PlainDocument.Section {
        let entries = policy.orderedTasks.map(task)
        return .init(id: "tasks", title: "Tasks", blocks: [
            .paragraph([.text("There are \(entries.count) tasks. They are listed as the policy lists them.")]),
        ], subsections: entries)
    }

    private func task(_ sourced: Sourced<PolicyTask>) -> PlainDocument.Section {
        let task = sourced.value
        let requires = task.requires
        var blocks: [PlainDocument.Block] = [
            .paragraph([.strong(PlainWording.name(task.maxAI) + ". "), .text(PlainWording.staffMeaning(task.maxAI))]),
        ]
        if let limit = PlainWording.staffLimit(task.maxAI) { blocks.append(.paragraph([.strong("AI may not: "), .text(limit)])) }
        if task.maxAI > .humanOnly {
            var needs: [[PlainDocument.Inline]] = []
            if let review = requires.review {
                needs.append([.strong("Review: "), .text(reviewSentence(review, task: task))])
            }
            if requires.consent {
                needs.append([.strong("Consent: "), .text("get the client's consent to the AI use first, and record it.")])
            }
            if requires.disclosure {
                needs.append([.strong("Record: "), .text("say in the client's record that AI helped.")])
            }
            needs.append([.strong("Data: ")] + dataSentence(task))
            if !requires.training.isEmpty {
                needs.append([.strong("Training: "), .text("finish \(Wording.series(requires.training.map(courseTitle))) first, and keep it current.")])
            }
            if !task.clinical {
                needs.append([.strong("Logistics: "), .text("this task needs no clinical judgement about a client.")])
            }
            blocks.append(.list(needs))
        }
        if let change = difference(task) { blocks.append(.callout(change)) }
        if let rationale = task.rationale { blocks.append(.paragraph([.strong("Why: "), .text(rationale)])) }
        blocks.append(.references(sourceLinks(task.cite) + [.text(" Stated in \(place(sourced.document, task.pointer)).")]))
        return .init(id: Self.anchor(task: task.id), title: task.title, blocks: blocks)
    }

    private func reviewSentence(_ review: ReviewRequirement, task: PolicyTask) -> String {
        "a \(review.role) with at least the \(review.minLevel.rawValue) level in \(PlainWording.area(review.area ?? task.area)) "
            + "checks and signs the AI's work before it is used. It cannot be the person who did the step."
    }

    private func dataSentence(_ task: PolicyTask) -> [PlainDocument.Inline] {
        let allowed = task.requires.data
        let tools = policy.tools.values.map(\.value).sorted { $0.id < $1.id }.filter { tool in
            allowed.map { !Set($0).isDisjoint(with: tool.data) } ?? true
        }
        let kinds: String
        switch allowed {
        case nil: kinds = "Each tool's own limit applies (see the tools)."
        case [.none]?: kinds = "Send AI no client data."
        case let data? where data.contains(.phi): kinds = "PHI may go to AI, but only to a tool with a business associate agreement."
        default: kinds = "Send AI no client data, or de-identified data only."
        }
        var inlines: [PlainDocument.Inline] = [.text(kinds)]
        if !tools.isEmpty {
            inlines.append(.text(" Tools: "))
            for (index, tool) in tools.enumerated() {
                inlines.append(.link(tool.id, anchor: "tool-\(tool.id)"))
                inlines.append(.text(index == tools.count - 1 ? "." : ", "))
            }
        }
        return inlines
    }

    /// How the handbook names the policy the team's layer extends: "the organisation" when that is the
    /// base policy itself; with more layers, the title of the layer the team extends, so a regional
    /// layer's rule is not credited to the organisation.
    private var extended: (who: String, policy: String) {
        guard let base, base.layers.count > 1, let layer = base.layers.last else { return ("the organisation", "the organisation's policy") }
        let title = layer.metadata.title ?? "policy \(layer.name)"
        let named = title.lowercased().hasPrefix("the ") ? title : "the " + title
        return (named, named)
    }

    /// What the team's layer changes in `task`, against the policy it extends; nil when nothing.
    private func difference(_ task: PolicyTask) -> [PlainDocument.Inline]? {
        guard let base, policy.layers.count > 1 else { return nil }
        let team = policy.layers.last?.metadata.team.map { "the \($0) team" } ?? "this team"
        guard let original = base.tasks[task.id]?.value else {
            return [.strong("Team rule: "), .text("this task is only in \(team)'s policy.")]
        }
        var changes: [String] = []
        if original.maxAI != task.maxAI {
            changes.append("the AI level is \(PlainWording.name(task.maxAI).lowercased()), where \(extended.who) allows \(PlainWording.name(original.maxAI).lowercased())")
        }
        let (was, now) = (original.requires, task.requires)
        if was.review != now.review, let review = now.review {
            changes.append("the reviewer needs at least the \(review.minLevel.rawValue) level"
                + (was.review.map { ", where \(extended.who) asks for \($0.minLevel.rawValue)" } ?? ", where \(extended.who) asks for no review"))
        }
        if now.consent && !was.consent { changes.append("the client's consent is needed, where \(extended.who) does not ask for it") }
        if now.disclosure && !was.disclosure { changes.append("a note in the record is needed, where \(extended.who) does not ask for it") }
        if was.data != now.data, let data = now.data {
            changes.append("only \(Wording.series(data.map(PlainWording.staffData))) may go to AI")
        }
        if Set(now.training) != Set(was.training) { changes.append("the training is \(Wording.series(now.training.map(courseTitle)))") }
        guard !changes.isEmpty else { return nil }
        return [.strong("Team rule: "), .text("\(PlainWording.sentence(team)) is stricter here than \(extended.who): \(Wording.series(changes)).")]
    }

    private func teamDifferences() -> PlainDocument.Section? {
        guard let base, policy.layers.count > 1 else { return nil }
        let team = policy.layers.last?.metadata.team.map { "the \($0) team" } ?? "this team"
        var items: [[PlainDocument.Inline]] = []
        for task in policy.orderedTasks where difference(task.value) != nil {
            items.append([.text("Task "), .link(task.value.title, anchor: Self.anchor(task: task.value.id)), .text(".")])
        }
        for tool in policy.tools.values.map(\.value).sorted(by: { $0.id < $1.id }) where base.tools[tool.id]?.value.data != tool.data {
            items.append([.text("Tool \(toolName(tool)): it may take only \(Wording.series(tool.data.map(PlainWording.staffData))).")])
        }
        for rule in policy.rules where base.rules.first(where: { $0.id == rule.id }) == nil {
            items.append([.text(rule.rule.statement.map { "Rule: \($0)" } ?? "Rule \(rule.id).")])
        }
        let blocks: [PlainDocument.Block] = items.isEmpty
            ? [.paragraph([.text("\(PlainWording.sentence(team)) uses \(extended.policy) as it is.")])]
            : [.paragraph([.text("\(PlainWording.sentence(team)) may only make \(extended.policy) stricter. Here is where it does:")]),
               .list(items)]
        return .init(id: "team-differences", title: "Where this team differs", blocks: blocks)
    }

    private func tools() -> PlainDocument.Section {
        let rows: [[[PlainDocument.Inline]]] = policy.tools.values.sorted { $0.value.id < $1.value.id }.map { sourced in
            let tool = sourced.value
            let why = tool.baa
                ? "A business associate agreement covers it, so it may take PHI under HIPAA."
                : "No business associate agreement covers it, so it may never take PHI."
            var changed: [PlainDocument.Inline] = []
            if let base, policy.layers.count > 1, let original = base.tools[tool.id]?.value, original.data != tool.data {
                changed = [.text(" "), .strong("Team rule: "), .text("\(PlainWording.sentence(extended.who)) allows \(Wording.series(original.data.map(PlainWording.staffData))).")]
            }
            return [[.anchor("tool-\(tool.id)"), .text(toolName(tool))], [.text(PlainWording.sentence(Wording.series(tool.data.map(PlainWording.staffData))) + ".")] + changed,
                    [.text(why + termsSentences(tool) + " Stated in \(place(sourced.document, tool.pointer)).")]]
        }
        return .init(id: "tools", title: "Approved AI tools", blocks: [
            .paragraph([.text("Use only these tools. Send each one only the data it may take.")]),
            .table(caption: "Approved AI tools and the data each may take", headers: ["Tool", "May take", "Why"], rows: rows),
        ])
    }

    private func rules() -> PlainDocument.Section {
        let entries: [PlainDocument.Section] = policy.rules.map { rule in
            var blocks: [PlainDocument.Block] = []
            if rule.rule.statement == nil {
                blocks.append(.paragraph([.strong("When a step breaks it, tacet check says: "), .text(rule.rule.message)]))
            }
            if let hint = rule.rule.hint { blocks.append(.paragraph([.strong("What to do: "), .text(hint)])) }
            var strictness: [PlainDocument.Inline] = [.text(PlainWording.strictness(rule.rule.severity))]
            if policy.layers.count > 1, rule.document.file == policy.layers.last?.file {
                strictness += [.text(" "), .strong("Team rule: only this team has it.")]
            }
            blocks.append(.paragraph(strictness))
            blocks.append(.references(sourceLinks(rule.rule.cite) + [.text(" Stated in \(place(rule.document, rule.rule.pointer)).")]))
            return .init(id: "rule-\(rule.id)", title: Self.statement(rule.rule), blocks: blocks)
        }
        return .init(id: "rules", title: "Rules", blocks: [
            .paragraph([.text("Beyond each task's own needs, these rules apply to every workflow step.")]),
        ], subsections: entries)
    }

    /// The rule in plain words: its `statement`, or its id when the policy states none (its message
    /// describes a breach, not the rule, so it is never the heading).
    static func statement(_ rule: PolicyRule) -> String {
        rule.statement ?? "Rule \(rule.id)"
    }

    private func training() -> PlainDocument.Section {
        var byCourse: [String: [PolicyTask]] = [:]
        for task in policy.orderedTasks.map(\.value) where task.maxAI > .humanOnly {
            for course in task.requires.training { byCourse[course, default: []].append(task) }
        }
        guard !byCourse.isEmpty else {
            return .init(id: "training", title: "Training", blocks: [.paragraph([.text("No task asks for training before AI use.")])])
        }
        let items: [[PlainDocument.Inline]] = byCourse.keys.sorted().map { course in
            let tasks = byCourse[course] ?? []
            var item: [PlainDocument.Inline] = [.strong(courseTitle(course)), .text(" is needed before AI use in \(tasks.count) tasks: ")]
            for (index, task) in tasks.enumerated() {
                item.append(.link(task.title, anchor: Self.anchor(task: task.id)))
                item.append(.text(index == tasks.count - 1 ? "." : index == tasks.count - 2 ? " and " : ", "))
            }
            return item
        }
        return .init(id: "training", title: "Training", blocks: [
            .paragraph([.text("Finish these courses before you use AI in the tasks named. Keep each one current: a course with a renewal period lapses after it.")]),
            .list(items),
        ])
    }

    private func decisions() -> PlainDocument.Section {
        let items = policy.citations.values.filter(\.assumption).sorted { $0.id < $1.id }.map { citation -> [PlainDocument.Inline] in
            [.anchor("source-\(citation.id)"), .text(citation.titleAndSection + " "), .assumption("(the clinic's own decision; \(citation.source))")]
        }
        return .init(id: "sources-decisions", title: "The clinic's own decisions", blocks: [
            .paragraph([.text("These are choices, not facts from a source. The clinical director should confirm or change each one.")]),
            .list(items),
        ])
    }

    private func sources() -> PlainDocument.Section {
        let items = policy.citations.values.filter { !$0.assumption }.sorted { $0.id < $1.id }.map { citation -> [PlainDocument.Inline] in
            [.anchor("source-\(citation.id)"), .strong(citation.titleAndSection), .text(". \(citation.source).")]
        }
        return .init(id: "sources", title: "Sources", blocks: [.list(items)])
    }

    /// "Sources: A; B (the clinic's own decision)." with each linked to its entry.
    func sourceLinks(_ ids: [String]) -> [PlainDocument.Inline] {
        var inlines: [PlainDocument.Inline] = [.strong("Sources: ")]
        for (index, id) in ids.enumerated() {
            guard let citation = policy.citations[id] else { inlines.append(.text(id)); continue }
            inlines.append(.link(citation.titleAndSection, anchor: "source-\(id)"))
            if citation.assumption { inlines.append(.assumption(" (the clinic's own decision)")) }
            inlines.append(.text(index == ids.count - 1 ? "." : "; "))
        }
        return ids.isEmpty ? [] : inlines
    }

    private func courseTitle(_ id: String) -> String { courses[id].map { "the course \"\($0.title)\"" } ?? "the course \(id)" }

    func toolName(_ tool: ApprovedTool) -> String { tool.title.map { "\($0) (\(tool.id))" } ?? tool.id }

    func place(_ document: LoadedDocument, _ pointer: String) -> String {
        let location = document.location(of: pointer)
        return "\(FilePaths.relative(location.file, to: workingDirectory)), line \(location.line)"
    }
}
