import Foundation
import Testing
import TacetTestSupport
import TacetDocuments
import TacetPluginHost
import TacetTool

/// Defects a new user met: input and file errors are exit 2, said once, and give the operating
/// system's reason in words. The commands are called in-process as the CLI calls them.
@Suite("Input errors", .serialized)
struct InputErrorTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21) ?? .epoch
    static let team = Repository.path("Examples/pediatrics")
    static let shipped = [Repository.path("Policies"), Repository.path("Curricula"), Repository.path("Examples")]

    /// Every message of `outcome`, for asserting that no Foundation error text leaks out.
    static func messages(_ outcome: ToolOutcome) -> String {
        (outcome.diagnostics + outcome.findings).map { "\($0.message) \($0.hint ?? "")" }.joined(separator: "\n")
    }

    @Test("plan --team through a second path to the team's files plans the team, without duplicate documents")
    func planTeamReachedTwice() throws {
        let directory = try TemporaryDirectory()
        let link = directory.path + "/our-team"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Self.team)
        let outcome = PlanCommand.run(therapists: [], team: link, paths: Self.shipped, output: nil, format: .text, today: Self.today)
        #expect(!outcome.diagnostics.contains { $0.code == "document.duplicate-id" }, "\(Self.messages(outcome))")
        #expect(outcome.status != .invalid, "\(Self.messages(outcome))")
        for id in ["t-ana", "t-ben", "t-cho"] { #expect(outcome.output.contains("\(id) ("), "plans \(id)") }
    }

    @Test("plan -o where no folder can be made reports it once and names the plans not written")
    func planOutputErrorOnce() throws {
        let directory = try TemporaryDirectory()
        let output = try directory.write("file", "in the way") + "/plans"
        let outcome = PlanCommand.run(therapists: [], team: Self.team, paths: Self.shipped, output: output, format: .text,
                                      today: Self.today)
        #expect(outcome.status == .invalid)
        #expect(outcome.diagnostics.map(\.message) == ["cannot create the folder: Not a directory"])
        #expect(outcome.diagnostics.first?.location?.file == output)
        #expect(outcome.diagnostics.first?.notes.map(\.message)
            == ["so these were not written either: \(output)/t-ben-plan.yaml, \(output)/t-cho-plan.yaml"])
        #expect(outcome.output.contains("t-cho ("), "the plans are still printed")
    }

    @Test("plan -o refuses only the plans that would replace an input, and writes the others")
    func planOutputOverInputs() throws {
        let directory = try TemporaryDirectory()
        let team = directory.path + "/pediatrics"
        try FileManager.default.copyItem(atPath: Self.team, toPath: team)
        let plans = team + "/plans"
        let outcome = PlanCommand.run(therapists: [], team: team, paths: [Repository.path("Policies"), Repository.path("Curricula"), team],
                                      output: plans, format: .text, today: Self.today)
        #expect(outcome.status == .invalid)
        // t-ana's and t-cho's plans are inputs (the shipped ones); t-ben's hand-written plan has another name.
        #expect(outcome.diagnostics.map(\.code) == ["io.overwrite-input", "io.overwrite-input"])
        #expect(outcome.diagnostics.allSatisfy { $0.notes.isEmpty })
        #expect(FileManager.default.fileExists(atPath: plans + "/t-ben-plan.yaml"))
    }

    @Test("test exits 2 when a case's input cannot be read")
    func testMissingInput() throws {
        let directory = try TemporaryDirectory()
        try directory.write("tests/missing.yaml", """
            apiVersion: tacet/v1
            kind: PolicyTest
            metadata: {name: missing-input}
            policy: music-therapy-ai-use
            cases:
              - name: an input that is not there
                inputs: [absent.yaml]
                expect: []

            """)
        let outcome = TestCommand.run(paths: [Repository.path("Policies/music-therapy-ai-use.yaml"), directory.path + "/tests"],
                                      coverage: false, threshold: nil, today: Self.today)
        #expect(outcome.status == .invalid)
        let problem = try #require(outcome.diagnostics.first)
        #expect(problem.code == IOErrorCode.read.rawValue)
        #expect(problem.location?.file == directory.path + "/tests/absent.yaml")
        #expect(problem.message == "cannot read the file or folder: No such file or directory")
    }

    @Test("convert of a folder, an empty path or a link loop says why it cannot read it")
    func convertSaysWhy() throws {
        let directory = try TemporaryDirectory()
        let loop = directory.path + "/loop.yaml"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.yaml")
        for (file, message) in [(directory.path, "cannot read the file: Is a directory"),
                                ("", "cannot read the file (the path is empty): No such file or directory"),
                                (loop, "cannot read the file: Too many levels of symbolic links")] {
            let outcome = ConvertCommand.run(file: file)
            #expect(outcome.status == .invalid)
            #expect(outcome.diagnostics.map(\.message) == [message])
            #expect(outcome.diagnostics.first?.code == IOErrorCode.read.rawValue)
        }
    }

    @Test("framework import says why it cannot read its input")
    func importSaysWhy() throws {
        let directory = try TemporaryDirectory()
        for (file, reason) in [(directory.path + "/absent.json", "No such file or directory"), (directory.path, "Is a directory")] {
            let outcome = FrameworkImportCommand.run(input: file, output: nil)
            #expect(outcome.status == .invalid)
            #expect(outcome.diagnostics.map(\.message) == ["cannot read the file: \(reason)"])
            #expect(outcome.diagnostics.first?.location?.file == file)
        }
    }

    @Test("report says why it cannot write its file")
    func reportSaysWhy() async throws {
        let directory = try TemporaryDirectory()
        let output = try directory.write("file", "in the way") + "/r.html"
        let outcome = await ReportCommand.run(paths: [Self.team], output: output, today: Self.today, plugins: nil)
        #expect(outcome.status == .invalid)
        let problem = try #require(outcome.diagnostics.first { $0.code == IOErrorCode.write.rawValue })
        #expect(problem.message == "cannot write the file: Not a directory")
        #expect(problem.location?.file == output)
    }

    @Test("plugin test and plugin list exit 2, as check does, for a plugin folder that is missing or holds a broken manifest",
          arguments: ["missing", "broken"])
    func pluginFolders(_ kind: String) async throws {
        let directory = try TemporaryDirectory()
        if kind == "broken" {
            try directory.write("bad/plugin.yaml", "apiVersion: tacet/v1\nkind: Plugin\nmetadata: {name: bad, version: 1.0.0}\n"
                                + "command: [./bad]\nprotocols: [1]\nkinds: [Workflow]\ntimout: 3\n")
        }
        let folder = kind == "broken" ? directory.path : directory.path + "/missing"
        let code = kind == "broken" ? "document.unknown-key" : PluginErrorCode.noDirectory.rawValue
        let settings = PluginSettings(directories: [Repository.path("Plugins"), folder],
                                      options: PluginRunOptions(jobs: 2, hostEnvironment: ProcessInfo.processInfo.environment))
        let tested = await PluginTestCommand.run(name: "phi-scan", paths: [Self.team + "/workflows"], settings: settings)
        #expect(tested.status == .invalid, "\(tested.output)")
        #expect(tested.diagnostics.map(\.code) == [code])
        #expect(tested.output.contains("plugin 'phi-scan' follows protocol 2"), "the plugin is still tested")
        // The closing line counts the plugin's finding and the manifest's problem shown above it (issue 20, item 1).
        #expect(tested.output.hasSuffix("plugin 'phi-scan' follows protocol 2: 2 errors, 0 warnings, 0 infos (1 of them an input problem)\n"),
                "\(tested.output)")
        let listed = await PluginListCommand.run(settings)
        #expect(listed.status == .invalid)
        #expect(listed.diagnostics.map(\.code) == [code])
    }
}
