import Foundation
import Testing
import TacetDocuments
import TacetPluginProtocol
import TacetSchemas
import TacetTestSupport
import TacetTool

/// `tacet diff BASE HEAD PATH...` from the user's side: a policy change made of a loosened task, a
/// tightened one, a removed tool and a new rule, against the sample team, compared with what `tacet
/// check` reports on each side.
@Suite("tacet diff")
struct DiffCommandTests {
    static let today = "2026-11-21"

    /// The four edits of the fixture change, each a replacement in one policy file (relative to Policies/).
    static let edits: [(file: String, old: String, new: String)] = [
        // Loosening: reading nonverbal affect may be AI-assisted (the sample team's read-the-room step then passes).
        ("music-therapy-ai-use.yaml",
         "  - id: nonverbal-affect-reading\n    title: Reading a client's nonverbal affect in session\n    clientTitle: Noticing how you feel and respond in a session\n    area: rapport\n    maxAI: human-only\n",
         "  - id: nonverbal-affect-reading\n    title: Reading a client's nonverbal affect in session\n    clientTitle: Noticing how you feel and respond in a session\n    area: rapport\n    maxAI: ai-assisted\n"),
        // Removed tool: the scheduler is no longer approved.
        ("music-therapy-ai-use.yaml",
         "  - id: scheduler\n    title: Scheduling assistant, covered by a business associate agreement (example)\n    clientName: a scheduling assistant\n    baa: true\n    data: [none, deidentified, phi]\n"
            + "    terms: {trainsOnClientData: false, cite: [assumption-example-vendor-terms]}\n",
         ""),
        // Tightening: pediatrics' progress notes need an advanced reviewer.
        ("teams/pediatrics.yaml",
         "      review: {role: therapist, area: documentation, minLevel: proficient}\n      consent: true\n      disclosure: true\n      training: [ai-literacy-foundations]\n    rationale: Notes about minors",
         "      review: {role: therapist, area: documentation, minLevel: advanced}\n      consent: true\n      disclosure: true\n      training: [ai-literacy-foundations]\n    rationale: Notes about minors"),
        // New rule.
        ("teams/pediatrics.yaml",
         "rules:\n",
         """
         rules:
           - id: pediatric-no-analytics-workbench
             severity: error
             when:
               all:
                 - {fact: step.tool, operator: equals, value: analytics-workbench}
             at: step.tool
             message: The pediatrics team no longer sends outcome data to the analytics workbench.
             cite: [assumption-pediatrics]

         """),
    ]

    /// Writes the shipped policies (without their tests) to `folder` under `directory`, with the fixture's
    /// edits when `edited`.
    static func writePolicies(_ folder: String, in directory: borrowing TemporaryDirectory, edited: Bool) throws {
        for file in ["music-therapy-ai-use.yaml", "teams/pediatrics.yaml"] {
            var text = try String(contentsOfFile: Repository.path("Policies/" + file), encoding: .utf8)
            for edit in edits where edited && edit.file == file {
                #expect(text.contains(edit.old), "the fixture edit no longer applies to Policies/\(file): \(edit.old)")
                text = text.replacingOccurrences(of: edit.old, with: edit.new)
            }
            try directory.write(folder + "/" + file, text)
        }
    }

    /// A finding's identity as the test compares them: rule, file (a policy folder's own name dropped), place, message.
    static func identities(_ findings: [[String: Any]], dropping prefixes: [String] = []) -> [String] {
        findings.map { finding in
            var file = finding["file"] as? String ?? ""
            for prefix in prefixes where file.hasPrefix(prefix) { file = String(file.dropFirst(prefix.count)) }
            return [finding["rule"] as? String ?? "", file, "\(finding["line"] ?? "")", "\(finding["column"] ?? "")",
                    finding["message"] as? String ?? ""].joined(separator: "|")
        }.sorted()
    }

    /// `lhs` without one occurrence of each of `rhs`.
    static func subtracting(_ lhs: [String], _ rhs: [String]) -> [String] {
        var rest = lhs
        for item in rhs { if let index = rest.firstIndex(of: item) { rest.remove(at: index) } }
        return rest
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("on the fixture change, diff reports each policy change and exactly the findings check adds and removes")
    func fixtureChange() throws {
        let directory = try TemporaryDirectory()
        try Self.writePolicies("before", in: directory, edited: false)
        try Self.writePolicies("after", in: directory, edited: true)
        let team = [Repository.path("Curricula"), Repository.path("Examples")]
        let diff = try TacetBinary.run(["diff", "before", "after"] + team + ["--format", "json", "--today", Self.today, "--no-plugins"],
                                       in: directory.path)
        #expect(diff.status == 1, "\(diff.stderr)")
        let output = try Self.json(diff.stdout)

        // (a) the policy changes, in both policies the pediatrics layer's changes and the base's reach.
        let policies = try #require(output["policies"] as? [[String: Any]])
        func changes(_ policy: String) -> [String] {
            let delta = policies.first { $0["policy"] as? String == policy }
            return ((delta?["changes"] as? [[String: Any]]) ?? []).compactMap { $0["summary"] as? String }
        }
        let loosened = "task 'nonverbal-affect-reading': maxAI human-only -> ai-assisted (loosened)"
        let removedTool = "tool 'scheduler' removed (was: data [deidentified, none, phi], baa true)"
        #expect(changes("music-therapy-ai-use") == [loosened, removedTool])
        #expect(changes("pediatrics") == [
            loosened,
            "task 'progress-note-drafting': review therapist at proficient in documentation -> therapist at advanced in documentation (tightened)",
            removedTool,
            "rule 'pediatric-no-analytics-workbench' added: error: The pediatrics team no longer sends outcome data to the analytics workbench.",
        ])

        // Each change names the layer that states it: the team's own, or the policy it extends.
        let pediatrics = (policies.first { $0["policy"] as? String == "pediatrics" }?["changes"] as? [[String: Any]]) ?? []
        #expect(pediatrics.map { $0["layer"] as? String } == ["music-therapy-ai-use", "pediatrics", "music-therapy-ai-use", "pediatrics"])

        // (b) exactly what check reports on each side, added and removed.
        let checkBefore = try TacetBinary.run(["check", "before"] + team + ["--format", "json", "--today", Self.today, "--no-plugins"],
                                              in: directory.path)
        let checkAfter = try TacetBinary.run(["check", "after"] + team + ["--format", "json", "--today", Self.today, "--no-plugins"],
                                             in: directory.path)
        let before = Self.identities(try #require(try Self.json(checkBefore.stdout)["findings"] as? [[String: Any]]), dropping: ["before/"])
        let after = Self.identities(try #require(try Self.json(checkAfter.stdout)["findings"] as? [[String: Any]]), dropping: ["after/"])
        let added = Self.identities(try #require(output["findingsAdded"] as? [[String: Any]]), dropping: ["after/"])
        let removed = Self.identities(try #require(output["findingsRemoved"] as? [[String: Any]]), dropping: ["before/"])
        #expect(added == Self.subtracting(after, before))
        #expect(removed == Self.subtracting(before, after))
        #expect(added.contains { $0.hasPrefix("pediatric-no-analytics-workbench|") }, "\(added)")
        #expect(added.contains { $0.contains("|step 'schedule-sessions'") || $0.contains("scheduler") }, "\(added)")
        #expect(removed.contains { $0.contains("read-the-room") }, "\(removed)")

        // (c) Ana reviews a progress note: her documentation gap grows from proficient to advanced.
        let therapists = try #require(output["therapists"] as? [[String: Any]])
        let ana = try #require(therapists.first { $0["therapist"] as? String == "t-ana" })
        let levels = try #require(ana["levels"] as? [[String: Any]])
        #expect(levels.contains { $0["area"] as? String == "documentation" && $0["before"] as? String == "proficient"
                                  && $0["after"] as? String == "advanced" }, "\(levels)")

        // The JSON is what its schema says.
        let schema = try String(contentsOfFile: Repository.path("docs/schemas/diff-output.schema.json"), encoding: .utf8)
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(diff.stdout.utf8))
        #expect(try SchemaValidator(schema: schema).validate(value) == [])
        #expect(try SchemaValidator(schema: schema).unsupportedKeywords().isEmpty)
    }

    @Test("the text and Markdown formats state each change and each finding at its file:line:column")
    func textAndMarkdown() throws {
        let directory = try TemporaryDirectory()
        try Self.writePolicies("before", in: directory, edited: false)
        try Self.writePolicies("after", in: directory, edited: true)
        let team = [Repository.path("Curricula"), Repository.path("Examples")]
        let text = try TacetBinary.run(["diff", "before", "after"] + team + ["--today", Self.today, "--no-plugins"], in: directory.path)
        #expect(text.status == 1, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Policy change from before to after\n\nPolicy 'music-therapy-ai-use' changed:\n"
                                      + "  task 'nonverbal-affect-reading': maxAI human-only -> ai-assisted (loosened)\n"), "\(text.stdout)")
        let session = Repository.path("Examples/pediatrics/workflows/session-planning.yaml")
        #expect(text.stdout.contains("Findings removed ("), "\(text.stdout)")
        #expect(text.stdout.contains("  \(session):33:9: error: step 'read-the-room' uses AI at ai-assisted"), "\(text.stdout)")
        #expect(text.stdout.contains("Therapists whose plans change (") && text.stdout.contains("  t-ana: documentation needed at advanced (was proficient)"),
                "\(text.stdout)")

        let markdown = try TacetBinary.run(["diff", "before", "after"] + team + ["--format", "markdown", "--today", Self.today, "--no-plugins"],
                                           in: directory.path)
        #expect(markdown.status == 1, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("### Tacet diff: "), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("| music-therapy-ai-use | task `nonverbal-affect-reading` | maxAI: human-only → ai-assisted | loosened |"),
                "\(markdown.stdout)")
        #expect(markdown.stdout.contains("#### Findings removed ("), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("**This change adds "), "\(markdown.stdout)")
    }

    @Test("the same policies on both sides: no change, no finding added or removed, exit 0")
    func noChange() throws {
        let directory = try TemporaryDirectory()
        try Self.writePolicies("before", in: directory, edited: false)
        try Self.writePolicies("same", in: directory, edited: false)
        let team = [Repository.path("Curricula"), Repository.path("Examples")]
        let same = try TacetBinary.run(["diff", "before", "same"] + team + ["--today", Self.today, "--no-plugins"], in: directory.path)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout == "Policy change from before to same\n\nNo policy changed.\n\n"
                + "0 policy changes; 0 findings added (0 errors), 0 removed; 0 therapists' plans change\n")
    }

    @Test("a team's notice no longer asking for a guardian's signature is a loosening diff reports, in every format")
    func noticeLoosened() throws {
        let directory = try TemporaryDirectory()
        try Self.writePolicies("before", in: directory, edited: false)
        try Self.writePolicies("after", in: directory, edited: false)
        let layer = directory.path + "/after/teams/pediatrics.yaml"
        let text = try String(contentsOfFile: layer, encoding: .utf8)
        #expect(text.contains("notice:\n  guardian: true\n"))
        try directory.write("after/teams/pediatrics.yaml", text.replacingOccurrences(of: "notice:\n  guardian: true\n", with: "notice:\n"))
        let team = [Repository.path("Curricula"), Repository.path("Examples")]
        let diff = try TacetBinary.run(["diff", "before", "after"] + team + ["--today", Self.today, "--no-plugins"], in: directory.path)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("Policy change from before to after\n\nPolicy 'pediatrics' (team pediatrics) changed:\n"
                                      + "  notice: guardian required -> not required (loosened)\n\n"), "\(diff.stdout)")
        let markdown = try TacetBinary.run(["diff", "before", "after"] + team + ["--format", "markdown", "--today", Self.today, "--no-plugins"],
                                           in: directory.path)
        #expect(markdown.stdout.contains("| pediatrics (team pediatrics) | notice | guardian: required → not required | loosened |"),
                "\(markdown.stdout)")
    }

    @Test("supervision and credentials loosened in a policy file are changes diff reports, in text, JSON and Markdown")
    func peopleLoosened() throws {
        let directory = try TemporaryDirectory()
        let text = try String(contentsOfFile: Repository.path("Policies/music-therapy-ai-use.yaml"), encoding: .utf8)
        let edits = [("supervision:\n  roles: [intern, student]\n", "supervision:\n  roles: [student]\n"),
                     ("credentials:\n  recognised: [MT-BC]\n", "credentials:\n  recognised: [MT-BC, NMT]\n")]
        for (old, _) in edits { #expect(text.contains(old), "the edit no longer applies: \(old)") }
        try directory.write("old.yaml", text)
        try directory.write("new.yaml", edits.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) })
        let team = [Repository.path("Curricula"), Repository.path("Examples/adult-inpatient")]
        func run(_ format: String) throws -> String {
            let diff = try TacetBinary.run(["diff", "old.yaml", "new.yaml"] + team + ["--format", format, "--today", Self.today, "--no-plugins"],
                                           in: directory.path)
            #expect(diff.status == 0 || diff.status == 1, "\(diff.stderr)")
            return diff.stdout
        }
        let plain = try run("text")
        #expect(plain.contains("Policy 'music-therapy-ai-use' changed:\n  supervision: roles [intern, student] -> [student] (loosened)\n"
                               + "  credentials: recognised [MT-BC] -> [MT-BC, NMT] (loosened)\n"), "\(plain)")
        let json = try run("json")
        let changes = ((try Self.json(json)["policies"] as? [[String: Any]])?.first?["changes"] as? [[String: Any]]) ?? []
        #expect(changes.map { [$0["item"] as? String, $0["id"] as? String, $0["aspect"] as? String, $0["effect"] as? String] } == [
            ["supervision", "supervision", "roles", "loosened"], ["credentials", "credentials", "recognised", "loosened"]])
        let schema = try String(contentsOfFile: Repository.path("docs/schemas/diff-output.schema.json"), encoding: .utf8)
        #expect(try SchemaValidator(schema: schema).validate(try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))) == [])
        let markdown = try run("markdown")
        #expect(markdown.contains("| music-therapy-ai-use | supervision | roles: \\[intern, student\\] → \\[student\\] | loosened |"), "\(markdown)")
        #expect(markdown.contains("| music-therapy-ai-use | credentials | recognised: \\[MT-BC\\] → \\[MT-BC, NMT\\] | loosened |"), "\(markdown)")
    }

    @Test("a side whose policy is invalid is invalid input: exit 2, the error at its file, line and column")
    func invalidSide() throws {
        let directory = try TemporaryDirectory()
        try Self.writePolicies("before", in: directory, edited: false)
        try Self.writePolicies("after", in: directory, edited: false)
        let layer = try String(contentsOfFile: directory.path + "/after/teams/pediatrics.yaml", encoding: .utf8)
        try directory.write("after/teams/pediatrics.yaml", layer.replacingOccurrences(of: "    maxAI: ai-assisted\n", with: "    maxAI: ai-sometimes\n"))
        let team = [Repository.path("Curricula"), Repository.path("Examples")]
        let result = try TacetBinary.run(["diff", "before", "after"] + team + ["--today", Self.today, "--no-plugins"], in: directory.path)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("after/teams/pediatrics.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("ai-sometimes"), "\(result.stderr)")
    }

    /// git on PATH, or nil (the git tests are then skipped with a printed reason).
    static var git: URL? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { URL(fileURLWithPath: "\($0)/git") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A scratch repository holding the shipped policies and the sample team, with two commits: the
    /// policies as shipped, then the fixture change. Nil when git is absent.
    static func scratchRepository(in directory: borrowing TemporaryDirectory) throws -> String? {
        guard let git else {
            print("DiffCommandTests: skipped the git revision check: no git on PATH")
            return nil
        }
        let repository = directory.path + "/clinic"
        try writePolicies("clinic/Policies", in: directory, edited: false)
        try FileManager.default.copyItem(atPath: Repository.path("Examples"), toPath: repository + "/Examples")
        try FileManager.default.copyItem(atPath: Repository.path("Curricula"), toPath: repository + "/Curricula")
        func run(_ arguments: [String]) throws {
            let result = try TacetBinary.run(["-c", "user.name=Tacet", "-c", "user.email=dev@tacet.invalid"] + arguments,
                                             in: repository, executable: git)
            #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        }
        try run(["init", "-q"])
        try run(["add", "-A"])
        try run(["commit", "-q", "-m", "The policies as shipped"])
        try writePolicies("clinic/Policies", in: directory, edited: true)
        try run(["commit", "-q", "-a", "-m", "Loosen, tighten, drop the scheduler, add a rule"])
        return repository
    }

    @Test("tacet diff HEAD~1 HEAD in a scratch git repository reads the base with git and reports what the folders do")
    func gitRevisions() throws {
        let directory = try TemporaryDirectory()
        guard let repository = try Self.scratchRepository(in: directory) else { return }
        let result = try TacetBinary.run(["diff", "HEAD~1", "HEAD", "Policies", "Curricula", "Examples", "--format", "json",
                                          "--today", Self.today, "--no-plugins"], in: repository)
        #expect(result.status == 1, "\(result.stderr)")
        let output = try Self.json(result.stdout)
        #expect(output["base"] as? String == "HEAD~1")
        let policies = try #require(output["policies"] as? [[String: Any]])
        #expect(policies.map { $0["policy"] as? String } == ["music-therapy-ai-use", "pediatrics"])
        #expect(((policies[1]["changes"] as? [[String: Any]]) ?? []).count == 4)
        let removed = Self.identities(try #require(output["findingsRemoved"] as? [[String: Any]]))
        #expect(removed == ["requirement.ai-level|Examples/pediatrics/workflows/session-planning.yaml|33|9|step 'read-the-room' uses AI at "
                            + "ai-assisted, but task 'nonverbal-affect-reading' allows at most human-only"])
        let added = Self.identities(try #require(output["findingsAdded"] as? [[String: Any]]))
        #expect(added.map { $0.components(separatedBy: "|")[0] } == ["pediatric-no-analytics-workbench", "plan.target-unreached",
                                                                      "requirement.tool-approved"])
        // The repository is as it was: no index, worktree or file of the base left behind.
        let status = try TacetBinary.run(["status", "--porcelain"], in: repository, executable: try #require(Self.git))
        #expect(status.stdout.isEmpty, "\(status.stdout)")
    }

    @Test("a folder named HEAD wins over the revision; @ names the revision, as diff's help says")
    func folderNamedLikeRevision() throws {
        let directory = try TemporaryDirectory()
        guard let repository = try Self.scratchRepository(in: directory) else { return }
        // A folder HEAD holding the policies as HEAD~1 has them.
        try Self.writePolicies("clinic/HEAD", in: directory, edited: false)
        func policies(_ head: String) throws -> [String?] {
            let result = try TacetBinary.run(["diff", "HEAD~1", head, "Policies", "Curricula", "Examples", "--format", "json",
                                              "--today", Self.today, "--no-plugins"], in: repository)
            let output = try Self.json(result.stdout)
            return ((output["policies"] as? [[String: Any]]) ?? []).map { $0["status"] as? String }
        }
        #expect(try policies("HEAD") == [])
        #expect(try policies("@") == ["changed", "changed"])
        let help = try TacetBinary.run(["diff", "--help"])
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("where a folder named main or HEAD exists, write the revision as refs/heads/main, or @ for HEAD"), "\(help.stdout)")
    }

    @Test("inside a git hook, where GIT_DIR and GIT_WORK_TREE name another repository, diff reads the repository it runs in")
    func gitEnvironmentIgnored() throws {
        let directory = try TemporaryDirectory()
        guard let repository = try Self.scratchRepository(in: directory), let git = Self.git else { return }
        // Another repository with a single commit: HEAD~1 does not exist there.
        try directory.write("other/README.md", "other\n")
        for arguments in [["init", "-q"], ["add", "-A"], ["-c", "user.name=Tacet", "-c", "user.email=dev@tacet.invalid", "commit", "-q", "-m", "one"]] {
            let result = try TacetBinary.run(arguments, in: directory.path + "/other", executable: git)
            #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        }
        let other = directory.path + "/other"
        let result = try TacetBinary.run(["diff", "HEAD~1", "HEAD", "Policies", "Curricula", "Examples", "--format", "json",
                                          "--today", Self.today, "--no-plugins"], in: repository,
                                         adding: ["GIT_DIR": other + "/.git", "GIT_WORK_TREE": other, "GIT_INDEX_FILE": other + "/.git/index"])
        #expect(result.status == 1, "\(result.stderr)")
        let policies = try #require(try Self.json(result.stdout)["policies"] as? [[String: Any]])
        #expect(policies.map { $0["policy"] as? String } == ["music-therapy-ai-use", "pediatrics"])
    }

    @Test("a revision writes out only the YAML files under the run's paths, and removes the folder an interrupted run left")
    func revisionWritesOnlyWhatItNeeds() throws {
        let directory = try TemporaryDirectory()
        guard let repository = try Self.scratchRepository(in: directory), let git = Self.git else { return }
        try directory.write("clinic/Media/session.wav", String(repeating: "x", count: 4096))
        try directory.write("clinic/Notes/elsewhere.yaml", "kind: Note\n")
        for arguments in [["add", "-A"], ["-c", "user.name=Tacet", "-c", "user.email=dev@tacet.invalid", "commit", "-q", "-m", "media"]] {
            let result = try TacetBinary.run(arguments, in: repository, executable: git)
            #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        }
        // A folder named after a process that is gone, as a run killed by Ctrl-C leaves it.
        let abandoned = NSTemporaryDirectory() + GitRevision.scratchPrefix + "2147483646-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: abandoned, withIntermediateDirectories: true)

        let revision = try GitRevision.open("HEAD", from: repository)
        defer { revision.remove() }
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        try revision.writeOut(["Policies"])
        let written = try #require(FileManager.default.subpaths(atPath: revision.tree)).filter { $0.contains(".") }.sorted()
        #expect(written == ["Policies/music-therapy-ai-use.yaml", "Policies/teams/pediatrics.yaml"])
        #expect(revision.scratch.hasPrefix(NSTemporaryDirectory() + GitRevision.scratchPrefix + "\(ProcessInfo.processInfo.processIdentifier)-"))
    }

    @Test("an unknown revision, a folder outside any repository and a machine without git are invalid input, said in words")
    func gitFailures() throws {
        let directory = try TemporaryDirectory()
        guard let repository = try Self.scratchRepository(in: directory) else { return }
        let unknown = try TacetBinary.run(["diff", "no-such-branch", "HEAD", "Policies", "Examples", "--no-plugins"], in: repository)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("error: unknown git revision 'no-such-branch' in the repository at "), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("[io.git]"), "\(unknown.stderr)")

        try Self.writePolicies("outside/Policies", in: directory, edited: false)
        let outside = try TacetBinary.run(["diff", "HEAD~1", "Policies", "Policies", "--no-plugins"], in: directory.path + "/outside")
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("error: cannot read git revision 'HEAD~1': not a git repository"), "\(outside.stderr)")

        let noGit = try TacetBinary.run(["diff", "HEAD~1", "HEAD", "Policies", "Examples", "--no-plugins"], in: repository,
                                        adding: ["PATH": directory.path + "/no-such-folder"])
        #expect(noGit.status == 2)
        #expect(noGit.stderr.contains("error: cannot read git revision 'HEAD~1': git is not installed (no git on PATH)"), "\(noGit.stderr)")
    }

    @Test("text and Markdown show a rule's control characters as escapes, never raw")
    func hostileText() throws {
        let directory = try TemporaryDirectory()
        try Self.writePolicies("before", in: directory, edited: false)
        try Self.writePolicies("after", in: directory, edited: false)
        let layer = try String(contentsOfFile: directory.path + "/after/teams/pediatrics.yaml", encoding: .utf8)
        try directory.write("after/teams/pediatrics.yaml", layer.replacingOccurrences(
            of: "    message: The pediatrics team does not delegate work with children's PHI to AI, even logistics.\n",
            with: "    message: \"Red \\e[31m alert\\nFake: line\"\n"))
        let team = [Repository.path("Curricula"), Repository.path("Examples")]
        for format in ["text", "markdown"] {
            let result = try TacetBinary.run(["diff", "before", "after"] + team + ["--format", format, "--today", Self.today, "--no-plugins"],
                                             in: directory.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("\u{1B}"), "\(format): \(result.stdout)")
            #expect(!result.stdout.contains("\nFake: line"), "\(format): \(result.stdout)")
            #expect(result.stdout.contains(#"\u{1B}[31m alert\nFake: line"#) || result.stdout.contains(#"\\u{1B}\[31m alert\\nFake: line"#),
                    "\(format): \(result.stdout)")
        }
    }

    /// The README's `tacet diff` sample: the fixture change committed in a scratch repository, as
    /// `tacet diff HEAD~1 HEAD Policies Curricula Examples --today 2026-11-21` prints it there. Without
    /// git, the README's own block (so the walkthrough does not call it stale), with a printed reason.
    static func readmeSample() throws -> String {
        let directory = try TemporaryDirectory()
        guard let repository = try scratchRepository(in: directory) else {
            return try DocumentationSample.blocks("output", in: String(contentsOfFile: Repository.path("README.md"), encoding: .utf8))["diff"] ?? ""
        }
        let result = try TacetBinary.run(["diff", "HEAD~1", "HEAD", "Policies", "Curricula", "Examples", "--today", today], in: repository)
        #expect(result.status == 1, "\(result.stderr)")
        return result.stdout
    }

    @Test("the step tacet init's GitHub workflow runs on a pull request: tacet diff BASE_SHA HEAD --format markdown, no paths")
    func initWorkflowStep() throws {
        guard let git = Self.git else {
            print("DiffCommandTests: skipped the init workflow's diff step: no git on PATH")
            return
        }
        let directory = try TemporaryDirectory()
        let repository = try InitCommandTests.initialise(directory)
        func run(_ arguments: [String]) throws -> String {
            let result = try TacetBinary.run(["-c", "user.name=Tacet", "-c", "user.email=dev@tacet.invalid"] + arguments,
                                             in: repository, executable: git)
            #expect(result.status == 0, "git \(arguments): \(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try run(["init", "-q"])
        _ = try run(["add", "-A"])
        _ = try run(["commit", "-q", "-m", "tacet init"])
        let base = try run(["rev-parse", "HEAD"])
        // The pull request: the team keeps session planning human-only.
        let layer = try String(contentsOfFile: repository + "/policies/demo.yaml", encoding: .utf8)
        try directory.write("clinic/policies/demo.yaml", layer + "tasks:\n  - {id: session-planning, maxAI: human-only}\n")
        _ = try run(["commit", "-q", "-a", "-m", "Session planning stays human-only"])

        let result = try TacetBinary.run(["diff", base, "HEAD", "--format", "markdown"], in: repository)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("| demo (team demo) | task `session-planning` | maxAI: ai-assisted → human-only | tightened |"),
                "\(result.stdout)")
        #expect(result.stdout.contains("#### Findings added (1)"), "\(result.stdout)")
        #expect(result.stdout.contains("teams/demo/workflows/session-planning.yaml:"), "\(result.stdout)")
        #expect(!result.stdout.contains("music-therapy-ai-use |"), "the shipped policy is the same on both sides: \(result.stdout)")

        // The workflow comments when the JSON counts a policy change or a finding added or removed: here, not on
        // a pull request that changes neither.
        let workflow = try String(contentsOfFile: repository + "/.github/workflows/tacet.yml", encoding: .utf8)
        let line = try #require(workflow.split(separator: "\n").first { $0.contains("count=\"$(jq '") })
        let filter = try #require(line.components(separatedBy: "jq '").last?.components(separatedBy: "'").first)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/jq") else {
            print("DiffCommandTests: skipped the workflow's jq filter: no /usr/bin/jq")
            return
        }
        // One policy changed and one finding added.
        for (revision, count) in [("HEAD", "2"), (base, "0")] {
            let json = try TacetBinary.run(["diff", base, revision, "--format", "json"], in: repository)
            try directory.write("diff.json", json.stdout)
            let jq = try TacetBinary.run([filter, directory.path + "/diff.json"], executable: URL(fileURLWithPath: "/usr/bin/jq"))
            #expect(jq.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == count, "\(jq.stderr)\(json.stdout)")
        }
    }
}
