import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetTestSupport
@testable import TacetTool

/// `check` and `report` judge workflows and learning plans one at a time and release them: every output
/// format must still say exactly what it said when every document stayed loaded. The expected outputs in
/// `Fixtures/streaming/expected` were written by the build before streaming, over the sample team and
/// five workflows that each take another path (see the fixture's README).
@Suite("Streaming check", .serialized)
struct StreamingCheckTests {
    static let fixture = "Tests/TacetToolTests/Fixtures/streaming"
    static let paths = ["Policies", "Curricula", "Examples", fixture + "/team"]

    /// What the binary printed, as the expected files hold it: status, stdout, stderr, the repository's path as `<ROOT>`.
    static func transcript(_ result: TacetBinary.Result) -> String {
        "status \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)"
            .replacingOccurrences(of: Repository.root, with: "<ROOT>")
    }

    /// The expected output `name`. With `TACET_WRITE_DOCS=1`, `actual` is written as the expected output first:
    /// for a change of the shipped data (a policy line moved), whose diff of these files must show nothing else.
    static func expected(_ name: String, writing actual: String) throws -> String {
        let path = Repository.root + "/" + fixture + "/expected/" + name
        if ProcessInfo.processInfo.environment["TACET_WRITE_DOCS"] == "1" { try actual.write(toFile: path, atomically: true, encoding: .utf8) }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("every check format prints what it printed before workflows were streamed, with and without plugins",
          arguments: ["no-plugins", "plugins"], ["text", "json", "sarif", "junit", "github", "markdown"])
    func checkFormats(plugins: String, format: String) throws {
        let flags = plugins == "plugins" ? ["--plugins", "Plugins"] : ["--no-plugins"]
        let result = try TacetBinary.run(["check"] + Self.paths + ["--today", "2026-11-21", "--format", format, "--no-cache"] + flags,
                                         in: Repository.root)
        let transcript = Self.transcript(result)
        #expect(transcript == (try Self.expected("\(plugins).\(format).txt", writing: transcript)))
    }

    @Test("the HTML report draws what it drew before workflows were streamed, with and without plugins",
          arguments: ["no-plugins", "plugins"])
    func report(plugins: String) throws {
        let directory = try TemporaryDirectory()
        let output = directory.path + "/report.html"
        let flags = plugins == "plugins" ? ["--plugins", "Plugins"] : ["--no-plugins"]
        let result = try TacetBinary.run(["report"] + Self.paths + ["--today", "2026-11-21", "--no-cache", "--output", output] + flags,
                                         in: Repository.root)
        #expect(result.status == 2, "the fixture's broken workflows make the input invalid")
        let html = try String(contentsOfFile: output, encoding: .utf8).replacingOccurrences(of: Repository.root, with: "<ROOT>")
        #expect(html == (try Self.expected("\(plugins).report.html", writing: html)))
    }

    @Test("a check keeps no workflow or plan it released: only what the outputs read, and the lines its findings quote")
    func releasesDocuments() async throws {
        let paths = Self.paths.map { Repository.root + "/" + $0 }
        let run = await CheckPipeline(today: CalendarDate(year: 2026, month: 11, day: 21)!, retaining: .documents).run(paths: paths)
        #expect(!run.input.documents.contains { $0.kind == .workflow || $0.kind == .learningPlan })
        #expect(run.input.checked.filter { $0.kind == .workflow }.map(\.name) == [
            "group-program", "memory-care", "inpatient-documentation", "outcome-analytics", "session-planning", "session-planning", "group-songwriting", "playlist-prep",
        ])
        #expect(run.input.checked.filter { $0.kind == .learningPlan }.count == 3)
        #expect(run.input.report.documents == 25)
        // The clean workflow has no finding: only its name's line is kept (where a later workflow of the
        // same name would be reported), by number; the file's bytes are not.
        let clean = Repository.root + "/" + Self.fixture + "/team/e-clean.yaml"
        #expect(run.sources[clean] == nil)
        #expect(run.quoted[clean]?.numbers == [3])
        #expect(run.quoted[clean]?.bytes == Array("\n\nmetadata: {name: playlist-prep, team: pediatrics}".utf8))
        // A finding's line is kept as it was, at its number, and the file's other lines are not.
        let sameName = Repository.root + "/" + Self.fixture + "/team/c-same-name.yaml"
        let kept = String(decoding: try #require(run.quoted[sameName]).bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(kept[3] == "metadata: {name: session-planning, team: pediatrics}")
        #expect(kept[6] == "  - id: ideas")
        #expect(kept.enumerated().filter { !$0.element.isEmpty }.map(\.offset) == [3, 6])
        #expect(kept.count == 7)
    }

    @Test("with no exception and no output that lists documents, a check keeps no summary of them")
    func keepsNoSummaries() async throws {
        let paths = ["Policies", "Curricula", Self.fixture + "/team"].map { Repository.root + "/" + $0 }
        let today = CalendarDate(year: 2026, month: 11, day: 21)!
        let run = await CheckPipeline(today: today).run(paths: paths)
        #expect(run.input.checked.isEmpty)
        #expect(run.input.report.workflowsChecked > 0)
        let listed = await CheckPipeline(today: today, retaining: .outlines).run(paths: paths)
        #expect(listed.input.checked.filter { $0.kind == .workflow }.map(\.name) == ["session-planning", "group-songwriting", "playlist-prep"])
        #expect(listed.input.report.findings == run.input.report.findings)
    }
}
