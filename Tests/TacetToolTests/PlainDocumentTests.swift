import Foundation
import Testing
import TacetDocuments
import TacetReports
import TacetTestSupport
import TacetTool

/// The staff handbook and the client notice (issue 22, items 1 and 2): made from the policy `check`
/// resolves, in words people read; the readability grade is measured on the shipped content.
@Suite("Handbook and notice", .serialized)
struct PlainDocumentTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 1)!
    static let noticePaths = ["Policies", "Curricula", "Examples/pediatrics/therapists", "Examples/pediatrics/workflows/outcome-analytics.yaml"]

    static func run(_ paths: [String]) async -> CheckRun {
        await NoticeCommand.check(paths: paths.map(Repository.path), today: today)
    }

    static func handbook(team: String?) async throws -> PlainDocument {
        try HandbookCommand.document(of: await run(["Policies", "Curricula"]), team: team, today: today).get().document
    }

    static func notice(_ paths: [String] = noticePaths) async throws -> PlainDocument {
        guard case .notice(let document, _, _) = NoticeCommand.document(of: await run(paths), today: today) else {
            throw CancellationError()
        }
        return document
    }

    @Test("the syllable heuristic and the grade formula, on words and text worked by hand")
    func readabilityFormula() {
        let words = ["cat": 1, "table": 2, "stopped": 1, "wanted": 2, "boxes": 2, "music": 2, "therapy": 3, "the": 1,
                     "make": 1, "de-identified": 5, "agreement": 3]
        for (word, expected) in words { #expect(Readability.syllables(in: word) == expected, "\(word)") }
        // 2 sentences, 8 words, 9 syllables: 0.39 × 4 + 11.8 × 9/8 − 15.59 = −0.755.
        let counts = Readability.counts("The cat sat down. It was a table.")
        #expect(counts.words == 8 && counts.sentences == 2 && counts.syllables == 9)
        #expect(abs(counts.grade - (-0.755)) < 0.0001)
        // A list item without a full stop is a sentence of its own; numbers alone are not words.
        #expect(Readability.counts("Say no\nTell us in 2026").sentences == 2)
        #expect(Readability.counts("Say no\nTell us in 2026").words == 5)
    }

    @Test("the shipped handbook reads at US grade 10 or lower, the organisation's and the pediatrics team's")
    func handbookReadability() async throws {
        for team in [nil, "pediatrics"] {
            let text = try await Self.handbook(team: team).plainText
            let grade = Readability.counts(text).grade
            #expect(grade <= 10, "handbook \(team ?? "organisation"): grade \(grade)")
        }
    }

    @Test("the notice of the sample team's compliant workflow reads at US grade 8 or lower")
    func noticeReadability() async throws {
        let grade = Readability.counts(try await Self.notice().plainText).grade
        #expect(grade <= 8, "notice: grade \(grade)")
    }

    @Test("notice refuses a workflow that breaks the policy: exit 1, its findings, no file")
    func noticeRefuses() throws {
        let directory = try TemporaryDirectory()
        let output = directory.path + "/notice.md"
        let result = try TacetBinary.run(["notice", "Policies", "Curricula", "Examples", "--output", output, "--today", "2026-12-01"],
                                         in: Repository.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no notice written: workflows 'group-program', 'memory-care', 'inpatient-documentation', 'session-planning' "
                                       + "break the policy (13 errors); "
                                       + "a notice describes only a practice that meets it"))
        #expect(result.stdout.contains("Examples/pediatrics/workflows/session-planning.yaml"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("handbook names the teams it knows for an unknown team (exit 2), and report --handbook links each finding's task to its entry")
    func teamAndReportLink() async throws {
        let directory = try TemporaryDirectory()
        let unknown = try TacetBinary.run(["handbook", "Policies", "Curricula", "--team", "oncology", "--output", directory.path + "/h.html"],
                                          in: Repository.root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("error: no policy for team 'oncology' among the documents loaded"))
        #expect(unknown.stderr.contains("hint: teams with a policy: pediatrics"))
        let report = directory.path + "/report.html"
        let run = try TacetBinary.run(["report", "Policies", "Curricula", "Examples", "--output", report, "--handbook", "handbook.html",
                                       "--today", "2026-12-01"], in: Repository.root)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Task <a href=\"handbook.html#task-progress-note-drafting\"><code>progress-note-drafting</code></a>: "))
        // The anchor the report links to is the handbook's entry of that task.
        #expect(try await Self.handbook(team: "pediatrics").sections.contains { $0.subsections.contains { $0.id == "task-progress-note-drafting" } })
    }
}
