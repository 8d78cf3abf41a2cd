import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetTestSupport

/// A new user's first runs in a project, through the `tacet` binary: a wrong `tacet.yaml` entry, plugins
/// from a subfolder, and the hints of a run with nothing to load.
@Suite("Project file, as a user runs tacet", .serialized)
struct ProjectCommandTests {
    /// A project with its own base policy (`defaults: none`), so no installation is involved.
    static func project(teams: String = "[teams]", policies: String = "[policies]", plugins: String = "[]") -> String {
        """
        apiVersion: tacet/v1
        kind: Project
        metadata: {name: clinic}
        policies: \(policies)
        teams: \(teams)
        plugins: \(plugins)
        defaults: none

        """
    }

    static func repository(_ text: String, in directory: borrowing TemporaryDirectory) throws {
        try directory.write("tacet.yaml", text)
        try directory.write("policies/.keep", "")
        try directory.write("teams/pediatrics/workflows/.keep", "")
    }

    @Test("a team folder tacet.yaml names that does not exist: one error at its entry, from the root and from below")
    func missingTeamFolder() throws {
        let directory = try TemporaryDirectory()
        try Self.repository(Self.project(teams: "[teams, team-oncology]"), in: directory)
        for (folder, file) in [("", "tacet.yaml"), ("/teams", "../tacet.yaml")] {
            let result = try TacetBinary.run(["check"], in: directory.path + folder)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains(
                "\(file):5:16: error: folder 'team-oncology' named in teams does not exist [\(IOErrorCode.noProjectFolder.rawValue)]"),
                "\(result.stderr)")
            #expect(result.stderr.contains("hint: create it, or remove it from teams:"), "\(result.stderr)")
            #expect(!result.stderr.contains(IOErrorCode.read.rawValue), "\(result.stderr)")
            #expect(!result.stderr.contains("not among the documents checked"), "\(result.stderr)")
        }
    }

    @Test("a policy folder, and a plugin folder, that tacet.yaml names and that do not exist: errors at their entries")
    func missingPolicyAndPluginFolders() throws {
        let directory = try TemporaryDirectory()
        try Self.repository(Self.project(policies: "[policy]", plugins: "[checks]"), in: directory)
        let code = IOErrorCode.noProjectFolder.rawValue
        for arguments in [["validate"], ["plugin", "list"]] {
            let result = try TacetBinary.run(arguments, in: directory.path)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("tacet.yaml:4:12: error: file or folder 'policy' named in policies does not exist [\(code)]"),
                    "\(result.stderr)")
            #expect(result.stderr.contains("hint: create it, or remove it from policies:"), "\(result.stderr)")
            #expect(result.stderr.contains("tacet.yaml:6:11: error: folder 'checks' named in plugins does not exist [\(code)]"),
                    "\(result.stderr)")
            #expect(result.stderr.contains("hint: create it, or remove it from plugins:"), "\(result.stderr)")
        }
    }

    @Test("teams: teams, a folder where a list is expected, says to write the list")
    func folderWithoutBrackets() throws {
        let directory = try TemporaryDirectory()
        try Self.repository(Self.project(teams: "teams"), in: directory)
        let result = try TacetBinary.run(["check"], in: directory.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("tacet.yaml:5:8: error: expected teams as a list of folders, found a string "
                                       + "[\(DocumentErrorCode.wrongType.rawValue)]"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: write `teams: [teams]`"), "\(result.stderr)")
    }

    @Test("the project root's Plugins folder is searched from the root and from a team folder alike")
    func pluginsFromSubfolder() throws {
        let directory = try TemporaryDirectory()
        try Self.repository(Self.project(), in: directory)
        try PluginCommandTests.writePlugin("clinic-check", script: """
            #!/bin/sh
            cat >/dev/null
            printf '%s' '{"name":"clinic-check","version":"0.1.0","protocols":[1],"kinds":["Workflow"],"rules":[]}'
            """, in: directory)
        let root = try #require(FileIO.realPath(directory.path))
        for folder in ["", "/teams", "/teams/pediatrics/workflows"] {
            let result = try TacetBinary.run(["plugin", "list"], in: directory.path + folder)
            #expect(result.status == 0, "\(folder): \(result.stderr)")
            #expect(result.stdout.contains("clinic-check 0.1.0  \(root)/Plugins/clinic-check\n"), "\(folder): \(result.stdout)")
            #expect(result.stdout.contains("\(root)/Plugins (./Plugins)"), "\(folder): \(result.stdout)")
        }
    }

    @Test("with nothing to load, each command's hint shows its own usage")
    func noProjectHints() throws {
        let directory = try TemporaryDirectory()
        let start = "hint: run `tacet init --team NAME` to start a Tacet repository here, or name what to load: "
        for (arguments, usage) in [(["check"], "tacet check PATH..."),
                                   (["plan"], "tacet plan [ID...] --in PATH..."),
                                   (["plan", "t-ana"], "tacet plan [ID...] --in PATH..."),
                                   (["explain", "inpatient-documentation", "--step", "draft-note"], "tacet explain WORKFLOW PATH... --step ID"),
                                   (["report", "-o", "r.html"], "tacet report PATH... --output FILE")] {
            let result = try TacetBinary.run(arguments, in: directory.path)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(start + "`\(usage)` (policies, curricula and team folders)"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("tacet test with no PolicyTest among the paths says where policy tests go, not the source tree's folder")
    func noPolicyTests() throws {
        let result = try TacetBinary.run(["test", Repository.path("Curricula")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no policy test ran: no PolicyTest document with a case was found"), "\(result.stderr)")
        #expect(result.stderr.contains(
            "hint: add PolicyTest documents to a folder among the paths loaded (in a project made by tacet init: policies/tests/)"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("Policies/tests"))
    }
}
