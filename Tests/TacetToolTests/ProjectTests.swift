import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetTestSupport
import TacetTool

/// Finding `tacet.yaml` and working out a run's inputs from it (``RunInputs``), and the commands run
/// with no paths in a project, as a user runs them.
@Suite("Project file")
struct ProjectTests {
    static let project = """
        apiVersion: tacet/v1
        kind: Project
        metadata: {name: clinic}
        policies: [policies]
        curricula: [curricula]
        teams: [teams]
        plugins: [plugins]
        defaults: shipped
        failOn: warning
        format: github

        """

    /// Writes ``project`` to `folder/tacet.yaml` in `directory`, with the folders it names.
    static func repository(_ folder: String, in directory: borrowing TemporaryDirectory, _ text: String = project) throws {
        let prefix = folder.isEmpty ? "" : folder + "/"
        try directory.write(prefix + "tacet.yaml", text)
        for name in ["policies", "curricula", "teams", "plugins"] { try directory.write(prefix + name + "/.keep", "") }
    }

    /// An installed layout (`share/tacet`) under `directory` with the shipped default policy and curricula.
    static func share(in directory: borrowing TemporaryDirectory) throws -> Installation {
        let share = directory.path + "/prefix/share/tacet"
        try FileManager.default.createDirectory(atPath: share + "/policies", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("Policies/" + Installation.defaultPolicyFile),
                                         toPath: share + "/policies/" + Installation.defaultPolicyFile)
        try FileManager.default.copyItem(atPath: Repository.path("Curricula"), toPath: share + "/curricula")
        return .installed(at: share)
    }

    @Test("tacet.yaml is found in the working directory or the nearest folder above it, as git finds .git")
    func locate() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("repo/tacet.yaml", Self.project)
        _ = try directory.write("repo/teams/demo/workflows/.keep", "")
        #expect(ProjectLocator.find(from: directory.path + "/repo") == file)
        #expect(ProjectLocator.find(from: directory.path + "/repo/teams/demo/workflows") == file)
        #expect(ProjectLocator.find(from: directory.path) == nil)
    }

    @Test("with no paths, the project's folders are loaded, named from the working directory, then the shipped defaults")
    func fromSubfolder() throws {
        let directory = try TemporaryDirectory()
        let installation = try Self.share(in: directory)
        try Self.repository("repo", in: directory)
        try directory.write("repo/teams/demo/workflows/.keep", "")
        let atRoot = try RunInputs.resolve(explicit: [], usage: "tacet check PATH...", workingDirectory: directory.path + "/repo",
                                           installation: installation)
        let shipped = installation.defaultPolicies + [installation.curricula]
        #expect(atRoot.paths == ["policies", "curricula", "teams"] + shipped)
        let root = (directory.path + "/repo" as NSString).standardizingPath
        #expect(atRoot.projectPlugins == [root + "/plugins"])
        #expect(atRoot.projectRoot == root)
        #expect(atRoot.projectFile == "tacet.yaml")
        #expect(atRoot.failOn == .warning)
        #expect(atRoot.format == .github)
        let below = try RunInputs.resolve(explicit: [], usage: "tacet check PATH...", workingDirectory: directory.path + "/repo/teams/demo",
                                          installation: installation)
        #expect(below.paths == ["../../policies", "../../curricula", "../../teams"] + shipped)
        // The plugin folders and the root are absolute: the plugin search path is the same from below.
        #expect(below.projectPlugins == [root + "/plugins"])
        #expect(below.projectRoot == root)
        #expect(below.projectFile == "../../tacet.yaml")
    }

    @Test("explicit paths win over the project's folders; the project's defaults setting and failOn still apply")
    func explicitPathsWin() throws {
        let directory = try TemporaryDirectory()
        let installation = try Self.share(in: directory)
        try Self.repository("repo", in: directory)
        let inputs = try RunInputs.resolve(explicit: ["teams/demo/workflows/a.yaml"], usage: "tacet validate PATH...",
                                           workingDirectory: directory.path + "/repo", installation: installation)
        #expect(inputs.paths == ["teams/demo/workflows/a.yaml"] + installation.defaultPolicies + [installation.curricula])
        #expect(inputs.failOn == .warning)
        // Without a project in reach, explicit paths are loaded exactly as given.
        let alone = try RunInputs.resolve(explicit: ["a.yaml"], usage: "tacet check PATH...", workingDirectory: directory.path,
                                          installation: installation)
        #expect(alone.paths == ["a.yaml"] && alone.projectFile == nil && alone.shippedDefaults.isEmpty && alone.failOn == nil)
    }

    @Test("defaults: none loads only the project's folders")
    func noDefaults() throws {
        let directory = try TemporaryDirectory()
        try Self.repository("", in: directory, Self.project.replacingOccurrences(of: "defaults: shipped", with: "defaults: none"))
        let inputs = try RunInputs.resolve(explicit: [], usage: "tacet check PATH...", workingDirectory: directory.path, installation: nil)
        #expect(inputs.paths == ["policies", "curricula", "teams"])
        #expect(inputs.shippedDefaults.isEmpty)
    }

    @Test("no paths and no tacet.yaml in reach: exit 2, saying how to start or which paths to give")
    func noProject() throws {
        let directory = try TemporaryDirectory()
        #expect {
            try RunInputs.resolve(explicit: [], usage: "tacet lint PATH...", workingDirectory: directory.path, installation: nil)
        } throws: { error in
            let diagnostic = (error as? ProjectError)?.diagnostics.first
            return diagnostic?.code == IOErrorCode.noProject.rawValue
                && diagnostic?.message == "no paths given, and no tacet.yaml in \(directory.path) or any folder above it"
                && diagnostic?.hint == "run `tacet init --team NAME` to start a Tacet repository here, or name what to load: "
                    + "`tacet lint PATH...` (policies, curricula and team folders)"
        }
    }

    @Test("an invalid tacet.yaml is reported at its line, with the source, and nothing runs")
    func invalidProject() throws {
        let directory = try TemporaryDirectory()
        try directory.write("tacet.yaml", Self.project.replacingOccurrences(of: "teams: [teams]", with: "team: [teams]"))
        do {
            _ = try RunInputs.resolve(explicit: [], usage: "tacet check PATH...", workingDirectory: directory.path, installation: nil)
            Issue.record("an invalid project file was accepted")
        } catch {
            let outcome = error.outcome
            #expect(outcome.status == .invalid)
            let unknown = try #require(outcome.diagnostics.first)
            #expect(unknown.code == DocumentErrorCode.unknownKey.rawValue)
            #expect(unknown.location == SourceLocation(file: "tacet.yaml", line: 6, column: 1))
            #expect(unknown.hint == "did you mean 'teams'?")
            #expect(outcome.sources["tacet.yaml"] != nil)
        }
    }

    @Test("a tacet.yaml of another kind, and defaults: shipped with no shipped defaults, are input errors")
    func wrongKindAndNoDefaults() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a/tacet.yaml", "apiVersion: tacet/v1\nkind: Exception\nmetadata: {name: x}\nrule: r\n"
                                + "scope: {workflow: w}\njustification: j\nowner: o\nexpires: 2027-01-01\n")
        #expect(throws: ProjectError.self) {
            try RunInputs.resolve(explicit: [], usage: "tacet check PATH...", workingDirectory: directory.path + "/a", installation: nil)
        }
        do {
            _ = try RunInputs.resolve(explicit: [], usage: "tacet check PATH...", workingDirectory: directory.path + "/a", installation: nil)
        } catch {
            #expect(error.diagnostics.first?.message == "tacet.yaml is the project file, but this one says kind: Exception")
            #expect(error.diagnostics.first?.location == SourceLocation(file: "tacet.yaml", line: 2, column: 7))
        }
        try Self.repository("b", in: directory)
        do {
            _ = try RunInputs.resolve(explicit: [], usage: "tacet check PATH...", workingDirectory: directory.path + "/b", installation: nil)
            Issue.record("defaults: shipped resolved without an installation")
        } catch {
            #expect(error.diagnostics.first?.code == IOErrorCode.noShippedDefaults.rawValue)
        }
    }

    @Test("the project's output formats are check's, name for name")
    func formats() {
        #expect(ProjectOutputFormat.allCases.map(\.rawValue) == OutputFormat.allCases.map(\.rawValue))
    }

    @Test("an entry of tacet.yaml that names nothing on disk is one error at that entry; explicit paths skip the document folders")
    func missingEntries() throws {
        let directory = try TemporaryDirectory()
        try Self.repository("", in: directory, Self.project.replacingOccurrences(of: "teams: [teams]", with: "teams: [teams, team-oncology]")
            .replacingOccurrences(of: "plugins: [plugins]", with: "plugins: [plugins, checks]"))
        let teams = Diagnostic.error(IOErrorCode.noProjectFolder, "folder 'team-oncology' named in teams does not exist",
                                     at: SourceLocation(file: "../tacet.yaml", line: 6, column: 16), pointer: "/teams/1",
                                     hint: "create it, or remove it from teams:")
        let plugins = Diagnostic.error(IOErrorCode.noProjectFolder, "folder 'checks' named in plugins does not exist",
                                       at: SourceLocation(file: "../tacet.yaml", line: 7, column: 20), pointer: "/plugins/1",
                                       hint: "create it, or remove it from plugins:")
        for (explicit, expected) in [([String](), [teams, plugins]), (["teams"], [plugins])] {
            do {
                _ = try RunInputs.resolve(explicit: explicit, usage: "tacet check PATH...", workingDirectory: directory.path + "/teams",
                                          installation: nil)
                Issue.record("a missing folder was accepted")
            } catch {
                #expect(error.outcome.status == .invalid)
                #expect(error.diagnostics == expected, "\(explicit)")
                #expect(error.sources["../tacet.yaml"] != nil)
            }
        }
    }
}
