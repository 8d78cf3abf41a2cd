import TacetDiagnostics
import TacetDocuments
import TacetEngine

/// The client AI notice and consent form (`tacet notice`) for the workflows a client's care follows:
/// each AI step in words a client understands (what it does, what leaves the clinic and to whom, who
/// checks the AI's work), the steps that stay with people, the client's choices, whom to ask, and the
/// signature lines the policy's `notice` asks for. It says only what the workflows do; the command
/// refuses a workflow `check` finds errors in, so no notice describes a practice that breaks the policy.
package struct ClientNotice {
    /// One workflow the notice covers, with the policy it was checked against.
    package struct Covered: Sendable {
        /// The workflow's document.
        package var document: LoadedDocument
        /// The workflow.
        package var workflow: Workflow
        /// Its policy.
        package var policy: ResolvedPolicy

        /// Pairs a workflow with its policy.
        package init(document: LoadedDocument, workflow: Workflow, policy: ResolvedPolicy) {
            self.document = document
            self.workflow = workflow
            self.policy = policy
        }
    }

    /// The workflows, in the order given.
    let covered: [Covered]
    /// The roster, by id, for the names of who does and checks each step.
    let therapists: [String: Therapist]

    /// Prepares the notice of `covered` with the roster `therapists`.
    package init(covered: [Covered], therapists: [String: Therapist]) {
        self.covered = covered
        self.therapists = therapists
    }

    /// The notice's settings: every covered policy's, laid one over the next (signatures add up).
    var settings: NoticeSettings {
        covered.reduce(NoticeSettings?.none) { settings, item in item.policy.notice.map { $0.over(settings) } ?? settings }
            ?? NoticeSettings()
    }

    /// The notice as a document, written by `toolVersion` on `today`.
    package func document(today: CalendarDate, toolVersion: String) -> PlainDocument {
        let lead: [PlainDocument.Block] = [.paragraph([.text("Our music therapy team uses some AI tools. This form tells you where and how. "
            + "Please read it and ask us anything." + (settings.refuse.map { " " + $0 } ?? ""))])]
        var sections = [uses(), people(), choices(), questions(), signatures()]
        sections.append(sources(today: today, toolVersion: toolVersion))
        return PlainDocument(title: "How AI is used in your care", lead: lead, sections: sections, toolVersion: toolVersion)
    }

    /// Each AI step's heading by its anchor: its title, numbered "(2)", "(3)" where several steps share one,
    /// so that the choices table never shows two rows a client cannot tell apart.
    private var headings: [String: String] {
        var seen: [String: Int] = [:]
        var headings: [String: String] = [:]
        for (item, step) in aiSteps {
            let title = Self.title(of: step, in: item.policy)
            let count = (seen[title] ?? 0) + 1
            seen[title] = count
            headings[Self.anchor(workflow: item.workflow.metadata.name, step: step.id)] = count == 1 ? title : "\(title) (\(count))"
        }
        return headings
    }

    /// The AI steps, each with its workflow and policy.
    private var aiSteps: [(Covered, WorkflowStep)] {
        covered.flatMap { item in item.workflow.steps.filter { $0.ai > .humanOnly }.map { (item, $0) } }
    }

    /// The anchor of one AI step's entry.
    package static func anchor(workflow: String, step: String) -> String { "ai-\(workflow)-\(step)" }

    private func uses() -> PlainDocument.Section {
        let steps = aiSteps
        let headings = headings
        let entries = steps.map { item, step in use(step, of: item, headings: headings) }
        let intro: PlainDocument.Block = steps.isEmpty
            ? .paragraph([.text("None of the work in your care uses AI.")])
            : .paragraph([.text("AI helps in \(steps.count == 1 ? "one part" : "\(steps.count) parts") of your care. Here is each one.")])
        return .init(id: "ai-uses", title: "Where AI helps", blocks: [intro], subsections: entries)
    }

    private func use(_ step: WorkflowStep, of item: Covered, headings: [String: String]) -> PlainDocument.Section {
        let what = Self.wording(of: step, in: item.policy).text
        var facts: [[PlainDocument.Inline]] = [
            [.strong("What it does: "), .text(what)],
            [.strong("How far the AI goes: "), .text(PlainWording.clientMeaning(step.ai))],
            [.strong("What leaves the clinic: "), .text(PlainWording.clientData(step.data) + " " + destination(step, policy: item.policy))],
            step.reviewer == nil ? [.strong("Who does it: "), .text(checker(step))] : [.strong("Who checks it: "), .text(checker(step))],
        ]
        if step.disclosure == true { facts.append([.strong("Your record: "), .text("it will say that AI helped.")]) }
        if let recording = step.recording { facts.append([.strong("Recording: "), .text(Self.recordingWords(recording))]) }
        if item.workflow.format == .group, step.groupConsent == true {
            facts.append([.strong("In a group: "), .text("AI is used here only if every member of the group agrees.")])
        }
        let anchor = Self.anchor(workflow: item.workflow.metadata.name, step: step.id)
        return .init(id: anchor, title: headings[anchor] ?? Self.title(of: step, in: item.policy), blocks: [.list(facts)])
    }

    /// A step's heading: its task's client title, else the task's staff title.
    static func title(of step: WorkflowStep, in policy: ResolvedPolicy) -> String {
        guard let task = policy.tasks[step.task]?.value else { return step.task }
        return task.clientTitle ?? PlainWording.sentence(task.title)
    }

    /// What the notice says a step does: its own client description, else (an AI step at its task's highest
    /// level) its task's client description or (a step a person does alone) its task's client title; failing
    /// those, the staff
    /// wording (the step's description, else the task's title), which `staffWording` warns of.
    static func wording(of step: WorkflowStep, in policy: ResolvedPolicy) -> (text: String, forClients: Bool) {
        let task = policy.tasks[step.task]?.value
        // A task's client description says what AI does at the task's highest level; a step using less AI
        // would be told one thing there and another in "How far the AI goes".
        let taskWords = step.ai > .humanOnly ? (step.ai == task?.maxAI ? task?.clientDescription : nil) : task?.clientTitle
        if let text = step.clientDescription ?? taskWords { return (text, true) }
        return (step.description ?? task?.title ?? step.task, false)
    }

    /// One warning for each place the notice falls back to wording written for staff: a step with no
    /// client description (its own or its task's), a task with no client title, a tool with no client
    /// name. The notice is still written; the warnings say which key to add, and where.
    package var staffWording: [Diagnostic] {
        var warnings: [Diagnostic] = []
        var seen = Set<String>()
        func warn(_ key: String, _ message: String, at location: SourceLocation, hint: String) {
            guard seen.insert(key).inserted else { return }
            warnings.append(Diagnostic(PlainDocumentCode.staffWording, message: message, location: location, hint: hint))
        }
        for item in covered {
            let workflow = item.workflow.metadata.name
            for step in item.workflow.steps {
                let task = item.policy.tasks[step.task]
                let ai = step.ai > .humanOnly
                let (text, forClients) = Self.wording(of: step, in: item.policy)
                if !forClients {
                    warn("step \(item.document.file) \(step.pointer)",
                         "the notice describes step '\(step.id)' of workflow '\(workflow)' in staff wording: \"\(text)\"",
                         at: item.document.location(of: step.pointer),
                         hint: ai && task.map({ $0.value.maxAI != step.ai && $0.value.clientDescription != nil }) == true
                             ? "give the step a clientDescription: its task's describes AI at \(task?.value.maxAI.rawValue ?? ""), "
                                 + "and this step uses \(step.ai.rawValue)"
                             : "give the step a clientDescription, or its task '\(step.task)' a \(ai ? "clientDescription" : "clientTitle") "
                                 + "in the policy, in words a client understands")
                }
                if ai, let task, task.value.clientTitle == nil {
                    warn("task \(task.value.id)", "the notice heads an AI use with task '\(task.value.id)''s staff title: \"\(task.value.title)\"",
                         at: task.document.location(of: task.value.pointer),
                         hint: "give the task a clientTitle in words a client understands")
                }
                if ai, let id = step.tool, let tool = item.policy.tools[id], tool.value.clientName == nil {
                    warn("tool \(id)", "the notice names tool '\(id)' by its staff title: \"\(tool.value.title ?? id)\"",
                         at: tool.document.location(of: tool.value.pointer),
                         hint: "give the tool a clientName in words a client understands, such as \"a note-writing assistant\"")
                }
            }
        }
        return warnings
    }

    /// What a step's session recording is, how long it is kept and what the AI makes of it, for a client.
    /// Every analysis the workflow states is said, even one a policy forbids: the notice never hides what a
    /// workflow does (`check` refuses the shipped policy's forbidden ones before a notice is written).
    package static func recordingWords(_ recording: SessionRecording) -> String {
        let media = Wording.series(recording.media.map { $0 == .audio ? "sound" : "video" })
        var text = "this part records your session (\(media)). You say yes or no to the recording on its own, below."
        if let days = recording.retentionDays {
            text += days == 0 ? " We delete the recording the same day." : " We delete the recording within \(days) day\(days == 1 ? "" : "s")."
        }
        let made = (recording.analysis ?? []).map { analysis -> String in
            switch analysis {
            case .transcript: "a written transcript"
            case .summary: "a summary"
            case .affect: "a guess at how you feel"
            case .assessment: "scores of how you are doing"
            }
        }
        if !made.isEmpty { text += " The AI makes \(Wording.series(made)) from it." }
        return text
    }

    /// Where the step's data goes: the tool, and what binds its vendor.
    private func destination(_ step: WorkflowStep, policy: ResolvedPolicy) -> String {
        guard let id = step.tool else { return "" }
        let tool = policy.tools[id]?.value
        let name = tool?.clientName ?? tool?.title ?? id
        if step.data.isEmpty || step.data == [.none] { return "The tool is \(name)." }
        var text = "It goes to \(name)."
        if tool?.baa == true, step.data.contains(.phi) {
            text += " The company behind it has signed an agreement to protect health information, as the HIPAA law requires."
        } else if tool?.baa == false {
            text += " This tool may never get health information that names you."
        }
        return text
    }

    /// Who checks the AI's work in the step, by name when the roster has them.
    private func checker(_ step: WorkflowStep) -> String {
        if let reviewer = step.reviewer {
            return "\(name(reviewer)) checks the AI's work before it is used."
        }
        return "\(name(step.performer)) does this work and decides what to use."
    }

    private func name(_ id: String) -> String {
        guard let therapist = therapists[id] else { return "A therapist" }
        return "\(therapist.name), \(PlainWording.role(therapist.role)),"
    }

    private func people() -> PlainDocument.Section {
        var seen = Set<String>()
        let items: [[PlainDocument.Inline]] = covered.flatMap { item in
            item.workflow.steps.filter { $0.ai == .humanOnly }.compactMap { step -> [PlainDocument.Inline]? in
                let text = Self.wording(of: step, in: item.policy).text
                guard seen.insert(text).inserted else { return nil }
                return [.text(PlainWording.sentence(text))]
            }
        }
        let intro = "A person does these parts of your care. No AI is used in them."
        return .init(id: "people", title: "What people do without AI",
                     blocks: items.isEmpty ? [.paragraph([.text("Every part of your care listed here uses some AI, as shown above.")])]
                                           : [.paragraph([.text(intro)]), .list(items)])
    }

    private func choices() -> PlainDocument.Section {
        var blocks: [PlainDocument.Block] = []
        if let rights = settings.rights { blocks.append(.paragraph([.text(rights)])) }
        // The promises are the clinic's own (its notice.refuse and notice.withdraw): none is made up here.
        var promises: [[PlainDocument.Inline]] = []
        if let refuse = settings.refuse { promises.append([.strong("You can say no. "), .text(refuse)]) }
        if let withdraw = settings.withdraw { promises.append([.strong("You can change your mind. "), .text(withdraw)]) }
        if !promises.isEmpty { blocks.append(.list(promises)) }
        let headings = headings
        let rows: [[[PlainDocument.Inline]]] = aiSteps.flatMap { item, step -> [[[PlainDocument.Inline]]] in
            let anchor = Self.anchor(workflow: item.workflow.metadata.name, step: step.id)
            let title = headings[anchor] ?? Self.title(of: step, in: item.policy)
            let row: [[PlainDocument.Inline]] = [[.link(title, anchor: anchor)], [.text("☐ Yes")], [.text("☐ No")]]
            // The recording has a consent of its own, which the step's entry says is asked here.
            guard step.recording != nil else { return [row] }
            return [row, [[.link("Recording your session for: " + title, anchor: anchor)], [.text("☐ Yes")], [.text("☐ No")]]]
        }
        if !rows.isEmpty {
            blocks.append(.paragraph([.text("Please mark yes or no for each use of AI.")]))
            blocks.append(.table(caption: "Your choice for each use of AI", headers: ["Use of AI", "I agree", "I do not agree"], rows: rows))
        }
        return .init(id: "choices", title: "Your choices", blocks: blocks)
    }

    private func questions() -> PlainDocument.Section {
        let contact = settings.contact ?? "your music therapist"
        return .init(id: "questions", title: "Questions", blocks: [
            .paragraph([.text("If you have a question about AI in your care, ask \(contact).")]),
        ])
    }

    private func signatures() -> PlainDocument.Section {
        let settings = settings
        var labels = ["Client's signature"]
        var blocks: [PlainDocument.Block] = [.paragraph([.text("By signing, you say that you have read this form and made your choices above.")])]
        // A workflow whose clients cannot all consent alone, or a step that records a guardian's consent
        // or the client's assent, needs the line even where the policy's notice does not ask for it.
        let workflows = covered.map(\.workflow)
        let adultsWithoutCapacity = workflows.contains { $0.selfConsent == false }
        let guardian = settings.guardian == true || workflows.contains { $0.servesClientsWhoCannotConsentAlone }
            || workflows.contains { $0.steps.contains { $0.consentBy?.contains(.guardian) == true } }
        let assent = settings.assent == true || workflows.contains { $0.servesClientsWhoCannotConsentAlone }
            || workflows.contains { $0.steps.contains { $0.assent == true } }
        if guardian {
            labels.append(adultsWithoutCapacity ? "Parent, guardian or legal representative's signature" : "Parent or guardian's signature")
            blocks.append(.paragraph([.text(adultsWithoutCapacity
                ? "A parent, guardian or legal representative signs for a child, or for a client who cannot sign for themselves."
                : "A parent or guardian signs for a child.")]))
        }
        if assent {
            labels.append(adultsWithoutCapacity ? "Client's agreement (assent), in their own way" : "Child's agreement (assent), in their own way")
            blocks.append(.paragraph([.text(adultsWithoutCapacity
                ? "The client also shows that they agree, in a way that suits them."
                : "The child also shows that they agree, in a way that suits them.")]))
        }
        labels += ["Therapist's signature"]
        return .init(id: "signatures", title: "Signatures", blocks: blocks + [.signatures(labels)])
    }

    private func sources(today: CalendarDate, toolVersion: String) -> PlainDocument.Section {
        let citations = covered.reduce(into: [String: Citation]()) { all, item in all.merge(item.policy.citations) { first, _ in first } }
        var items: [[PlainDocument.Inline]] = settings.cite.compactMap { id in
            guard let citation = citations[id] else { return nil }
            return [.text(citation.titleAndSection + ". " + citation.source + ".")]
                + (citation.assumption ? [.assumption(" The clinic's own decision, not a checked source.")] : [])
        }
        for item in covered {
            let layers = item.policy.layers.map { ($0.metadata.title ?? $0.name) + ($0.metadata.version.map { " \($0)" } ?? "") }
            items.append([.text("Workflow \(item.workflow.metadata.name), checked against \(Wording.series(layers)).")])
        }
        return .init(id: "sources", title: "Where this form comes from", blocks: [
            .paragraph([.text("Made on \(today) by tacet \(toolVersion) from the workflows below, after checking them against the policy.")]),
            .list(items),
        ])
    }
}
