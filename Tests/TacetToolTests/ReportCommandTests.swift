import Foundation
import Testing
import TacetTestSupport

/// End-to-end: `tacet report` on the sample team, written by the built binary and rendered by a real
/// browser (headless Chromium), whose DOM is checked.
@Suite("Report command", .serialized)
struct ReportCommandTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("report writes one self-contained page of the sample team; a browser shows its content")
    func sampleTeamInABrowser() throws {
        let directory = try TemporaryDirectory()
        let output = directory.path + "/team report.html"
        let result = try TacetBinary.run(["report", "Policies", "Curricula", "Examples/pediatrics", "--output", output, "--today", "2026-11-21"],
                                         in: Repository.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote \(output): 3 workflows and 3 learning plans checked"))
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src="), "nothing loads from elsewhere")
        // No temporary file is left beside the report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["team report.html"])

        guard let chromium = Self.chromium else {
            print("ReportCommandTests: skipped the browser check: no chromium installed (apt-get install chromium)")
            return
        }
        let dump = try TacetBinary.run(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                                        URL(fileURLWithPath: output).absoluteString],
                                       deadline: 90, executable: URL(fileURLWithPath: chromium))
        #expect(dump.status == 0, "\(dump.stderr.suffix(500))")
        let dom = dump.stdout
        #expect(dom.contains("<h1>Tacet team report: pediatrics</h1>"))
        for section in ["Summary", "Findings", "Competency heat map", "Learning plans"] {
            #expect(dom.contains("\">\(section)</h2>"), "section \(section)")
        }
        #expect(dom.contains("<dt>Errors</dt><dd>16</dd>"))
        #expect(dom.contains("<dt>Suppressed by exceptions</dt><dd>1</dd>"))
        // Findings by document and severity, with the task's rationale and the sources by title.
        #expect(dom.contains("<h3>Workflow session-planning <span class=\"file\">Examples/pediatrics/workflows/session-planning.yaml</span></h3>"))
        #expect(dom.contains("task 'session-planning' requires the client's consent to AI use"))
        #expect(dom.contains("editable assumption, not a checked source"))
        // The heat map: one row per therapist, the gap in words.
        for name in ["Ana Ruiz", "Ben Okafor", "Min-jun Cho"] {
            #expect(dom.contains("<tr><th scope=\"row\">\(name)<br>"), "heat map row for \(name)")
        }
        #expect(dom.contains("1 below proficient"))
        // Each plan on its timeline, credits accumulated against the requirement.
        #expect(dom.contains("<caption>Ana Ruiz's plan by quarter</caption>"))
        #expect(dom.contains("100 of 100 (100%)"))
        #expect(dom.contains("Outside the cycle, not counted:"))
        // The browser kept every table row inside its table: a stray tag would have moved content out.
        let tables = dom.components(separatedBy: "<table").count - 1
        #expect(tables == dom.components(separatedBy: "</table>").count - 1)
        #expect(tables >= 10)
    }

    @Test("report refuses to write over an input, and an invalid input still gets its report with exit 2")
    func refusesInputsAndReportsProblems() throws {
        let directory = try TemporaryDirectory()
        let workflow = try directory.write("team/broken.yaml", "apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: x}\nsteps: [\n")
        let before = try String(contentsOfFile: workflow, encoding: .utf8)
        let over = try TacetBinary.run(["report", directory.path + "/team", "--output", workflow, "--no-plugins"], in: Repository.root)
        #expect(over.status == 2)
        #expect(over.stderr.contains("--output names a YAML file"))
        #expect(try String(contentsOfFile: workflow, encoding: .utf8) == before)
        // An input that is not YAML by name (a symlink to it) is still refused by the writer itself.
        let alias = directory.path + "/alias.html"
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: workflow)
        let viaLink = try TacetBinary.run(["report", directory.path + "/team", "--output", alias, "--no-plugins"], in: Repository.root)
        #expect(viaLink.status == 2)
        #expect(viaLink.stderr.contains("refusing to write the output over an input file"))
        #expect(try String(contentsOfFile: workflow, encoding: .utf8) == before)
        let output = directory.path + "/report.html"
        let invalid = try TacetBinary.run(["report", directory.path + "/team", "--output", output, "--no-plugins"], in: Repository.root)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("broken.yaml:5:1: error:"))
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("The input has errors"))
        #expect(html.contains("Input problems (1)"))
    }

    @Test("check writes every format from the binary, on findings and on a clean team")
    func formatsFromTheBinary() throws {
        for format in ["sarif", "junit", "github", "markdown"] {
            let sample = try TacetBinary.run(["check", "Policies", "Curricula", "Examples", "--format", format, "--today", "2026-11-21"],
                                             in: Repository.root)
            #expect(sample.status == 1, "\(format): \(sample.stderr)")
            #expect(sample.stdout.contains("consent-coverage/consent-before-ai"), "\(format) carries plugin findings")
            let clean = try TacetBinary.run(["check", "Policies/music-therapy-ai-use.yaml", "Policies/teams", "Curricula",
                                             "Examples/pediatrics/therapists", "Examples/pediatrics/workflows/outcome-analytics.yaml",
                                             "--format", format, "--today", "2026-11-21"], in: Repository.root)
            #expect(clean.status == 0, "\(format): \(clean.stdout) \(clean.stderr)")
            switch format {
            case "sarif":
                let log = try #require(try JSONSerialization.jsonObject(with: Data(clean.stdout.utf8)) as? [String: Any])
                let run = try #require((log["runs"] as? [[String: Any]])?.first)
                #expect((run["results"] as? [Any])?.isEmpty == true)
            case "junit":
                #expect(clean.stdout.contains("<testsuites name=\"tacet check\" tests=\"6\" failures=\"0\" errors=\"0\""))
            case "github":
                #expect(!clean.stdout.contains("::"))
            default:
                #expect(clean.stdout.hasPrefix("### Tacet check: no findings"))
            }
        }
    }

    @Test("an empty run is invalid in every format, and --link-base outside markdown is a usage error")
    func emptyRunsAndMisplacedFlags() throws {
        let directory = try TemporaryDirectory()
        for format in ["json", "sarif", "junit", "github", "markdown"] {
            let result = try TacetBinary.run(["check", directory.path, "--format", format, "--no-plugins"], in: Repository.root)
            #expect(result.status == 2, "\(format)")
            #expect(result.stdout.contains("io.no-documents"), "\(format) names the problem")
        }
        let misplaced = try TacetBinary.run(["check", "Examples", "--format", "sarif", "--link-base", "https://example.org"],
                                            in: Repository.root)
        #expect(misplaced.status == 2)
        #expect(misplaced.stderr.contains("--link-base only applies to --format markdown"))
    }
}
