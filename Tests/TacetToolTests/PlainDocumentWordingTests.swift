import Foundation
import Testing
import TacetDocuments
import TacetReports
import TacetTestSupport
import TacetTool

/// What the handbook and the notice say, sentence by sentence: rules headed by what they ask (not by
/// their breach), the notice's promises taken from the policy, each AI step's data, tool and checker
/// in exact words, and a team compared with the policy its layer extends.
@Suite("Handbook and notice wording", .serialized)
struct PlainDocumentWordingTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 1)!

    /// A workflow under the organisation's policy: PHI to a tool under a BAA, reviewed; and a step that lists no data.
    static let notesWorkflow = """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: notes}
        policy: music-therapy-ai-use
        steps:
          - id: draft
            task: progress-note-drafting
            ai: ai-drafted
            tool: scribe-pro
            data: [phi]
            performer: t-cho
            reviewer: t-ana
            consent: true
            disclosure: true
          - id: ideas
            task: repertoire-research
            ai: ai-assisted
            tool: research-assistant
            performer: t-cho

        """

    /// A copy of the shipped policies, catalog and sample roster, with `edit` applied to each policy file's text.
    static func workspace(_ edit: (String, String) -> String = { $1 }) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let manager = FileManager.default
        for folder in ["Policies", "Curricula", "Examples/pediatrics/therapists"] {
            let root = Repository.path(folder)
            for case let file as String in manager.enumerator(atPath: root) ?? FileManager.DirectoryEnumerator()
            where file.hasSuffix(".yaml") && !file.hasPrefix("tests") {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                _ = try directory.write(folder + "/" + file, folder == "Policies" ? edit(file, text) : text)
            }
        }
        return directory
    }

    static func paths(_ directory: borrowing TemporaryDirectory, _ extra: String...) -> [String] {
        (["Policies", "Curricula", "Examples/pediatrics/therapists"] + extra).map { directory.path + "/" + $0 }
    }

    static func handbook(_ paths: [String], team: String?) async throws -> String {
        let run = await CheckPipeline(today: today).run(paths: paths)
        return try HandbookCommand.document(of: run, team: team, today: today).get().document.markdown()
    }

    static func notice(_ paths: [String]) async throws -> String {
        let run = await NoticeCommand.check(paths: paths, today: today)
        guard case .notice(let document, _, _) = NoticeCommand.document(of: run, today: today) else { throw CancellationError() }
        return document.markdown()
    }

    @Test("every shipped rule states itself in plain words, and the handbook heads each rule with that statement, not its message")
    func rulesHeadedByStatements() async throws {
        let run = await CheckPipeline(today: Self.today).run(paths: ["Policies", "Curricula"].map(Repository.path))
        for policy in run.input.policies.values {
            for rule in policy.rules { #expect(rule.rule.statement != nil, "rule \(rule.id) has no statement") }
        }
        let text = try await Self.handbook(["Policies", "Curricula"].map(Repository.path), team: "pediatrics")
        #expect(text.contains("### When a step sends AI de-identified data or PHI, it records the client's consent.\n"))
        #expect(text.contains("### The reviewer of a clinical step holds a credential the policy recognises: MT-BC, or one the clinic adds.\n"))
        #expect(!text.contains("### Client data goes to AI without recorded client consent."))
        #expect(!text.contains("Each heading says the rule"))
        #expect(text.contains("- Rule: AI does not do a task on its own (ai-delegated) with PHI, not even logistics.\n"))
    }

    @Test("a rule without a statement is headed by its id, and its message is quoted as what check says")
    func ruleWithoutStatement() async throws {
        let directory = try Self.workspace { file, text in
            file == "teams/pediatrics.yaml"
                ? text.replacingOccurrences(of: "    statement: \"AI does not do a task on its own (ai-delegated) with PHI, not even logistics.\"\n", with: "")
                : text
        }
        let text = try await Self.handbook(Self.paths(directory), team: "pediatrics")
        #expect(text.contains("### Rule pediatric-no-delegation-with-phi\n\n**When a step breaks it, tacet check says:** "
            + "The pediatrics team does not delegate work with children's PHI to AI, even logistics.\n"))
        #expect(text.contains("- Rule pediatric-no-delegation-with-phi.\n"))
    }

    @Test("the notice's promises are the policy's notice.refuse and notice.withdraw; without them it makes none")
    func noticePromisesFromPolicy() async throws {
        let workflow = Repository.path("Examples/pediatrics/workflows/outcome-analytics.yaml")
        let copy = try Self.workspace()
        let shipped = try await Self.notice(Self.paths(copy) + [workflow])
        #expect(shipped.contains("Please read it and ask us anything. You can say no to any AI use on this form. You will still get your care.\n"))
        #expect(shipped.contains("- **You can say no.** You can say no to any AI use on this form. You will still get your care.\n"
            + "- **You can change your mind.** You can take back your yes at any time. Just tell your therapist.\n"))

        let changed = try Self.workspace { _, text in
            text.replacingOccurrences(of: "You can say no to any AI use on this form. You will still get your care.", with: "Saying no never changes your care.")
                .replacingOccurrences(of: "You can take back your yes at any time. Just tell your therapist.", with: "Call the front desk to take back your yes.")
        }
        let text = try await Self.notice(Self.paths(changed) + [workflow])
        #expect(text.contains("Please read it and ask us anything. Saying no never changes your care.\n"))
        #expect(text.contains("- **You can say no.** Saying no never changes your care.\n- **You can change your mind.** Call the front desk to take back your yes.\n"))

        let none = try Self.workspace { _, text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("  refuse:") && !$0.hasPrefix("  withdraw:") }.joined(separator: "\n")
        }
        let silent = try await Self.notice(Self.paths(none) + [workflow])
        #expect(silent.contains("Please read it and ask us anything.\n"))
        #expect(!silent.contains("You can say no"))
        #expect(!silent.contains("You can change your mind"))
    }

    @Test("each AI step's data, tool, agreement and checker in exact sentences; a step without data: is not told 'no information'")
    func noticeStepSentences() async throws {
        let directory = try Self.workspace()
        _ = try directory.write("notes.yaml", Self.notesWorkflow)
        let text = try await Self.notice(Self.paths(directory, "notes.yaml"))
        #expect(text.contains("- **What leaves the clinic:** Health information about you, which can name you. "
            + "It goes to a note-writing assistant. "
            + "The company behind it has signed an agreement to protect health information, as the HIPAA law requires.\n"))
        #expect(text.contains("- **Who checks it:** Ana Ruiz, a music therapist, checks the AI's work before it is used.\n"))
        #expect(text.contains("- **What leaves the clinic:** This part of your care does not list what information it uses. "
            + "The tool is a general AI assistant.\n"))
        #expect(text.contains("- **Who does it:** Min-jun Cho, a supervisor, does this work and decides what to use.\n"))
        #expect(!text.contains("No information about you."))

        let sample = try await Self.notice(Self.paths(directory) + [Repository.path("Examples/pediatrics/workflows/outcome-analytics.yaml")])
        #expect(sample.contains("- **What leaves the clinic:** Facts about you, with your name and other details that could identify you taken out. "
            + "It goes to a data analysis tool. This tool may never get health information that names you.\n"))
        #expect(sample.contains("- **What leaves the clinic:** No information about you. "
            + "The tool is a general AI assistant.\n"))
    }

    @Test("an AI step that sends PHI to no named tool (its requirement waived by an exception) gets no notice: exit 1, in words, no file")
    func noticeRefusesPHIWithoutTool() throws {
        let directory = try Self.workspace()
        _ = try directory.write("notes.yaml", Self.notesWorkflow.replacingOccurrences(of: "    tool: scribe-pro\n", with: ""))
        _ = try directory.write("exception.yaml", """
            apiVersion: tacet/v1
            kind: Exception
            metadata: {name: no-tool}
            rule: requirement.tool-named
            scope: {workflow: notes, step: draft}
            justification: A test of the notice.
            owner: clinical-director
            expires: 2027-01-31

            """)
        let output = directory.path + "/notice.md"
        let result = try TacetBinary.run(["notice", "Policies", "Curricula", "Examples/pediatrics/therapists", "notes.yaml", "exception.yaml",
                                          "--output", output, "--today", "2026-12-01"], in: directory.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("no notice written: step 'draft' of workflow 'notes' sends PHI to AI but names no tool, "
            + "so the notice cannot tell the client where their health information goes; name the tool on the step"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("a citation's section is not repeated when its title says it, and the notice cites no vendor-training source")
    func noticeSources() async throws {
        let text = try await Self.notice(["Policies", "Curricula", "Examples/pediatrics/therapists",
                                          "Examples/pediatrics/workflows/outcome-analytics.yaml"].map(Repository.path))
        #expect(text.contains("- AMTA Code of Ethics standard 1.3: protect clients' rights, including self-determination and participation in treatment decisions. American Music"))
        #expect(!text.contains("standard 1.3, standard 1.3"))
        #expect(!text.contains("Australian Psychological Society on AI"))
        #expect(text.contains("Our music therapists follow the AMTA Code of Ethics."))
    }

    @Test("table cells without sentence punctuation (the notice's ☐ Yes and ☐ No boxes) are labels the grade does not count")
    func tableLabelsNotMeasured() {
        let rows: [[[PlainDocument.Inline]]] = [[[.text("Drafting notes")], [.text("☐ Yes")], [.text("☐ No")]],
                                                [[.text("AI drafts. A therapist checks it.")], [.text("☐ Yes")], [.text("☐ No")]]]
        let document = PlainDocument(title: "Form", lead: [], sections: [
            .init(id: "choices", title: "Choices", blocks: [.table(caption: "Choices", headers: ["Use", "Yes", "No"], rows: rows)]),
        ], toolVersion: "0")
        #expect(document.plainText.split(separator: "\n") == ["AI drafts. A therapist checks it."])
        #expect(Readability.counts(document.plainText).sentences == 2)
    }

    @Test("stacked layers: the guardian and assent lines the team layer asks for; a third layer's guardian: false is a lint warning and is compared with its own base")
    func stackedLayers() async throws {
        let directory = try Self.workspace()
        _ = try directory.write("Policies/teams/night.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: night, title: Night pediatrics, team: night}
            extends: [pediatrics]
            notice:
              guardian: false

            """)
        let sample = try String(contentsOfFile: Repository.path("Examples/pediatrics/workflows/outcome-analytics.yaml"), encoding: .utf8)
        _ = try directory.write("night.yaml", sample.replacingOccurrences(of: "policy: pediatrics", with: "policy: night")
            .replacingOccurrences(of: "team: pediatrics", with: "team: night"))
        let text = try await Self.notice(Self.paths(directory, "night.yaml"))
        #expect(text.contains("By signing, you say that you have read this form and made your choices above.\n\n"
            + "A parent or guardian signs for a child.\n\nThe child also shows that they agree, in a way that suits them.\n\n"))
        #expect(text.contains("Parent or guardian's signature: ______________________________  Date: ____________\n"))
        #expect(text.contains("Child's agreement (assent), in their own way: ______________________________  Date: ____________\n"))

        let lint = try TacetBinary.run(["lint", "Policies", "Curricula"], in: directory.path)
        #expect((lint.stdout + lint.stderr).contains("Policies/teams/night.yaml:6:13: warning: guardian: false is ignored: a policy this layer extends asks for "
            + "a parent or guardian's signature, and a layer cannot drop a signature its base asks for [policy.notice-signature-kept]"), "\(lint.stdout)")

        // The night layer changes nothing of the pediatrics layer it extends: pediatrics' changes are not the night team's.
        let handbook = try await Self.handbook(Self.paths(directory), team: "night")
        #expect(handbook.contains("The night team uses the Pediatrics team AI-use policy as it is."))
        #expect(!handbook.contains("the organisation's policy as it is"))
        #expect(!handbook.contains("Rule: AI does not do a task on its own"))
    }

    @Test("the notice speaks in the data's client wording: the task's title and description, a step's own description first, the tool's client name")
    func noticeClientWording() async throws {
        let directory = try Self.workspace()
        _ = try directory.write("notes.yaml", Self.notesWorkflow + "    clientDescription: An AI tool suggests songs for your sessions.\n")
        let text = try await Self.notice(Self.paths(directory, "notes.yaml"))
        #expect(text.contains("### Writing your session notes\n\n- **What it does:** An AI tool writes a first draft of the notes on your sessions. "
            + "A therapist checks and fixes the draft before it goes in your record.\n"), "\(text)")
        #expect(text.contains("### Finding music for you\n\n- **What it does:** An AI tool suggests songs for your sessions.\n"))
        #expect(text.contains("| [Writing your session notes](#ai-notes-draft) | ☐ Yes | ☐ No |"))
        #expect(!text.contains("(example)"))
        #expect(!text.contains("Drafting progress notes"))
    }

    @Test("every shipped task has a client title, every task that allows AI a client description, every tool a client name; the sample notice warns of nothing")
    func shippedClientWording() async throws {
        let paths = ["Policies", "Curricula", "Examples/pediatrics/therapists"].map(Repository.path)
        let run = await NoticeCommand.check(paths: paths + [Repository.path("Examples/pediatrics/workflows/outcome-analytics.yaml")], today: Self.today)
        #expect(!run.input.policies.isEmpty)
        for policy in run.input.policies.values {
            for task in policy.tasks.values.map(\.value) {
                #expect(task.clientTitle != nil, "task \(task.id) of \(policy.name) has no clientTitle")
                #expect(task.maxAI == .humanOnly || task.clientDescription != nil, "task \(task.id) of \(policy.name) has no clientDescription")
            }
            for tool in policy.tools.values.map(\.value) { #expect(tool.clientName != nil, "tool \(tool.id) of \(policy.name) has no clientName") }
        }
        guard case .notice(let document, _, let warnings) = NoticeCommand.document(of: run, today: Self.today) else {
            Issue.record("no notice for the sample team's outcome-analytics workflow")
            return
        }
        #expect(warnings.isEmpty, "\(warnings.map(\.message))")
        #expect(!document.markdown().contains("(example)"))
    }

    @Test("without client wording the notice falls back to the staff text and warns once per step, task and tool, at its file and line")
    func noticeStaffWordingWarnings() throws {
        let directory = try Self.workspace { _, text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("clientTitle:") && !$0.contains("clientDescription:") && !$0.contains("clientName:") }
                .joined(separator: "\n")
        }
        _ = try directory.write("notes.yaml", Self.notesWorkflow + "    description: Repertoire options are cross-referenced.\n")
        let output = directory.path + "/notice.md"
        let result = try TacetBinary.run(["notice", "Policies", "Curricula", "Examples/pediatrics/therapists", "notes.yaml",
                                          "--output", output, "--today", "2026-12-01"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stdout.split(separator: "\n").filter { $0.contains("[client-notice.staff-wording]") }
        #expect(warnings.count == 6, "\(result.stdout)")
        #expect(result.stdout.contains("notes.yaml:6:5: warning: the notice describes step 'draft' of workflow 'notes' in staff wording: "
            + "\"Drafting progress notes and session summaries\" [client-notice.staff-wording]"), "\(result.stdout)")
        #expect(result.stdout.contains("notes.yaml:15:5: warning: the notice describes step 'ideas' of workflow 'notes' in staff wording: "
            + "\"Repertoire options are cross-referenced.\" [client-notice.staff-wording]"))
        #expect(result.stdout.contains("Policies/music-therapy-ai-use.yaml:"))
        #expect(result.stdout.contains("the notice names tool 'scribe-pro' by its staff title"))
        #expect(result.stdout.contains("the notice heads an AI use with task 'repertoire-research''s staff title"))
        #expect(result.stderr.contains("6 warnings: it uses staff wording where the policy or workflow gives none for clients"))
        let notice = try String(contentsOfFile: output, encoding: .utf8)
        #expect(notice.contains("- **What it does:** Repertoire options are cross-referenced.\n"))
    }

    @Test("a policy file, not only a folder, may be a side of tacet diff")
    func diffOfPolicyFiles() throws {
        let directory = try Self.workspace()
        let shipped = try String(contentsOfFile: directory.path + "/Policies/music-therapy-ai-use.yaml", encoding: .utf8)
        _ = try directory.write("old.yaml", shipped)
        _ = try directory.write("new.yaml", shipped.replacingOccurrences(of: "    maxAI: ai-delegated\n", with: "    maxAI: ai-drafted\n"))
        let result = try TacetBinary.run(["diff", "old.yaml", "new.yaml", "Curricula", "--today", "2026-12-01"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("scheduling-logistics"), "\(result.stdout)")
        #expect(!result.stderr.contains("revision"))
    }

    @Test("a step using less AI than its task allows is not told the task's words for its highest level, and the notice says why")
    func lowerLevelStepNotToldTaskWords() async throws {
        let directory = try Self.workspace()
        _ = try directory.write("notes.yaml", Self.notesWorkflow.replacingOccurrences(of: "    ai: ai-drafted\n", with: "    ai: ai-assisted\n"))
        let run = await NoticeCommand.check(paths: Self.paths(directory, "notes.yaml"), today: Self.today)
        guard case .notice(let document, _, let warnings) = NoticeCommand.document(of: run, today: Self.today) else {
            Issue.record("no notice: \(run.input.report.findings.map(\.message))")
            return
        }
        let text = document.markdown()
        #expect(!text.contains("An AI tool writes a first draft"))
        #expect(text.contains("- **What it does:** Drafting progress notes and session summaries\n"))
        #expect(warnings.map(\.hint) == ["give the step a clientDescription: its task's describes AI at ai-drafted, and this step uses ai-assisted"])
    }

    @Test("steps that share a title are numbered in their headings and in the choices table")
    func sharedTitlesNumbered() async throws {
        let directory = try Self.workspace()
        _ = try directory.write("notes.yaml", Self.notesWorkflow + """
              - id: draft-again
                task: progress-note-drafting
                ai: ai-drafted
                tool: scribe-pro
                data: [phi]
                performer: t-cho
                reviewer: t-ana
                consent: true
                disclosure: true

            """)
        let text = try await Self.notice(Self.paths(directory, "notes.yaml"))
        #expect(text.contains("### Writing your session notes\n"))
        #expect(text.contains("### Writing your session notes (2)\n"))
        #expect(text.contains("| [Writing your session notes (2)](#ai-notes-draft-again) | ☐ Yes | ☐ No |"))
    }
}
