import Foundation
import Testing
import TacetTestSupport

/// End-to-end: `tacet handbook` and `tacet notice` written by the built binary from the shipped policy
/// and the sample team, rendered by headless Chromium (no horizontal overflow, nothing requested from
/// elsewhere), printed to PDF by the browser, and the PDF's text checked (with pdftotext) to hold every
/// task (handbook) and every AI step (notice). `TACET_WRITE_DOCS=1` also writes the README's screenshots.
@Suite("Handbook and notice in a browser", .serialized)
struct PlainDocumentBrowserTests {
    static let chromium = ReportCommandTests.chromium
    static let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Chromium's DOM of a page (a test harness, not the document) that loads `file` in an 800-pixel frame
    /// and writes how wide the frame's content is, and which elements stick out, into the page.
    static func overflow(of file: String, in directory: borrowing TemporaryDirectory, chromium: String) throws -> String {
        let harness = """
            <!DOCTYPE html><html><body><iframe id="f" src="\(URL(fileURLWithPath: file).lastPathComponent)" style="width:800px;height:600px"></iframe>
            <pre id="out">not measured</pre>
            <script>
            document.getElementById('f').addEventListener('load', () => {
              const d = document.getElementById('f').contentDocument, e = d.documentElement;
              const wide = [...d.querySelectorAll('body *')].filter(x => x.getBoundingClientRect().right > e.clientWidth + 1)
                .map(x => x.tagName.toLowerCase() + '.' + x.className).slice(0, 5);
              document.getElementById('out').textContent = 'scroll=' + e.scrollWidth + ' client=' + e.clientWidth + ' wide=[' + wide.join(',') + ']';
            });
            </script></body></html>
            """
        let path = try directory.write("harness.html", harness)
        let dump = try TacetBinary.run(["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                                        "--virtual-time-budget=5000", "--dump-dom", URL(fileURLWithPath: path).absoluteString],
                                       deadline: 90, executable: URL(fileURLWithPath: chromium))
        return dump.stdout
    }

    static func check(_ arguments: [String], name: String, expectedTexts: [String], screenshot: String) throws {
        let directory = try TemporaryDirectory()
        let output = directory.path + "/\(name).html"
        let result = try TacetBinary.run(arguments + ["--output", output, "--today", "2026-12-01"], in: Repository.root)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        // Self-contained: no script, no stylesheet or image from elsewhere, every link an anchor of the page.
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=") && !html.contains("url("))
        #expect(!html.contains("@import"))
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") }, "links: \(hrefs.filter { !$0.hasPrefix("#") })")
        // Every link points at an anchor the page has.
        for anchor in Set(hrefs.map { $0.dropFirst() }) { #expect(html.contains("id=\"\(anchor)\""), "anchor \(anchor)") }
        #expect(html.contains("<html lang=\"en\">") && html.contains("@media print") && html.contains("<nav aria-label=\"Contents\">"))
        #expect(html.contains("<caption>") && html.contains("<th scope=\"col\">"))

        guard let chromium else {
            print("PlainDocumentBrowserTests: skipped the browser check: no chromium installed (apt-get install chromium)")
            return
        }
        let measured = try overflow(of: output, in: directory, chromium: chromium)
        // The frame's content is no wider than the frame, and no element sticks out of it.
        let measure = measured.components(separatedBy: "<pre id=\"out\">").last?.prefix { $0 != "<" } ?? ""
        let numbers = measure.split(separator: " ").prefix(2).map { $0.split(separator: "=").last.map(String.init) ?? "" }
        #expect(numbers.count == 2 && numbers[0] == numbers[1] && measure.hasSuffix("wide=[]"), "\(measure)")

        let pdf = directory.path + "/\(name).pdf"
        let printed = try TacetBinary.run(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                           "--print-to-pdf=\(pdf)", URL(fileURLWithPath: output).absoluteString],
                                          deadline: 90, executable: URL(fileURLWithPath: chromium))
        #expect(printed.status == 0 && FileManager.default.fileExists(atPath: pdf), "\(printed.stderr.suffix(300))")
        if ProcessInfo.processInfo.environment["TACET_WRITE_DOCS"] == "1" {
            let shot = try TacetBinary.run(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1300",
                                            "--screenshot=\(Repository.path("docs/\(screenshot)"))", URL(fileURLWithPath: output).absoluteString],
                                           deadline: 90, executable: URL(fileURLWithPath: chromium))
            #expect(shot.status == 0)
        }
        guard let pdftotext else {
            print("PlainDocumentBrowserTests: skipped the PDF text check: no pdftotext installed (apt-get install poppler-utils)")
            return
        }
        let text = try TacetBinary.run([pdf, "-"], deadline: 60, executable: URL(fileURLWithPath: pdftotext))
        let words = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in expectedTexts {
            let wanted = expected.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains(wanted), "the PDF of \(name) holds \(wanted)")
        }
    }

    /// The task titles the shipped policy states, read from its file.
    static func taskTitles() throws -> [String] {
        let text = try String(contentsOfFile: Repository.path("Policies/music-therapy-ai-use.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let tasks = lines.drop { $0 != "tasks:" }
        return tasks.compactMap { line -> String? in
            guard line.hasPrefix("    title: ") else { return nil }
            return String(line.dropFirst("    title: ".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    @Test("the handbook of the pediatrics team renders without overflow, requests nothing, and its PDF holds every task")
    func handbook() throws {
        let titles = try Self.taskTitles()
        #expect(titles.count == 27)
        try Self.check(["handbook", "Policies", "Curricula", "--team", "pediatrics"], name: "handbook",
                       expectedTexts: titles + ["Where this team differs", "Approved AI tools"], screenshot: "handbook-screenshot.png")
    }

    @Test("the notice of the sample team's compliant workflow renders without overflow, and its PDF holds every AI step")
    func notice() throws {
        try Self.check(["notice", "Policies", "Curricula", "Examples/pediatrics/therapists", "Examples/pediatrics/workflows/outcome-analytics.yaml"],
                       name: "notice",
                       expectedTexts: ["An AI tool looks for patterns in how children do on goals such as talking, attention and self-control.",
                                       "An AI tool finds ideas from programs for children with needs like yours. Min-jun writes the program.",
                                       "Parent or guardian's signature", "Child's agreement (assent)"],
                       screenshot: "notice-screenshot.png")
    }
}
