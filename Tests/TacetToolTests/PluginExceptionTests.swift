import Foundation
import Testing
import TacetDocuments
import TacetPluginHost
import TacetTestSupport
import TacetTool

/// Exceptions are applied after the plugins ran, so a plugin's finding can be excepted like the
/// engine's, in every format, and an exception that suppressed nothing is reported as unused.
@Suite("Exceptions over plugin findings")
struct PluginExceptionTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!

    /// The sample team plus two exceptions: one for the record number phi-scan finds in
    /// inpatient-documentation's `schedule-sessions` step, one for a phone number nobody wrote.
    static func workspace(in directory: borrowing TemporaryDirectory) throws -> (paths: [String], plugins: PluginSettings) {
        _ = try directory.write("exceptions/mrn.yaml", """
            apiVersion: tacet/v1
            kind: Exception
            metadata: {name: mrn-pilot}
            rule: phi-scan/record-number
            scope: {workflow: inpatient-documentation, step: schedule-sessions}
            justification: The ward's booking sheet needs the number until the scheduler reads it itself.
            owner: clinical-director
            expires: 2027-01-31
            """)
        _ = try directory.write("exceptions/phone.yaml", """
            apiVersion: tacet/v1
            kind: Exception
            metadata: {name: phone-pilot}
            rule: phi-scan/phone-number
            scope: {workflow: inpatient-documentation}
            justification: Kept for a phone line that was never written down.
            owner: clinical-director
            expires: 2027-01-31
            """)
        // Only phi-scan, copied as shipped: the Swift plugin's binary is not what this test is about.
        try FileManager.default.createDirectory(atPath: directory.path + "/plugins", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("Plugins/phi-scan"), toPath: directory.path + "/plugins/phi-scan")
        let settings = PluginSettings(directories: [directory.path + "/plugins"],
                                      options: PluginRunOptions(jobs: 2, hostEnvironment: ProcessInfo.processInfo.environment))
        let paths = ["Policies", "Curricula", "Examples"].map(Repository.path) + [directory.path + "/exceptions"]
        return (paths, settings)
    }

    @Test("an exception for phi-scan/record-number suppresses it in every format; one that matched nothing is unused")
    func pluginFindingExcepted() async throws {
        let directory = try TemporaryDirectory()
        let (paths, settings) = try Self.workspace(in: directory)
        let run = await CheckPipeline(today: Self.today, plugins: settings).run(paths: paths)
        let report = run.input.report
        #expect(report.pluginsRun == 1)
        #expect(!report.findings.contains { $0.code == "phi-scan/record-number" })
        let suppressed = try #require(report.suppressed.first { $0.finding.code == "phi-scan/record-number" })
        #expect(suppressed.exception == "mrn-pilot")
        #expect(suppressed.finding.plugin == "phi-scan")
        let unused = report.problems.filter { $0.code == "exception.unused" }
        #expect(unused.map(\.message) == ["exception 'phone-pilot' suppressed no finding"])

        func output(_ format: OutputFormat) async -> ToolOutcome {
            await CheckCommand.run(paths: paths, format: format, today: Self.today, plugins: settings)
        }
        let text = await output(.text)
        #expect(!text.findings.contains { $0.code == "phi-scan/record-number" })
        #expect(text.output.contains("[phi-scan/record-number]\n    by exception 'mrn-pilot'"))
        #expect(text.diagnostics.contains { $0.code == "exception.unused" && $0.message.contains("phone-pilot") })

        let json = try #require(try JSONSerialization.jsonObject(with: Data(await output(.json).output.utf8)) as? [String: Any])
        let rules = { (key: String) in (json[key] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(!rules("findings").contains("phi-scan/record-number"))
        #expect(rules("suppressed").contains("phi-scan/record-number"))
        #expect(rules("problems").contains("exception.unused"))

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(await output(.sarif).output.utf8)) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let record = results.filter { $0["ruleId"] as? String == "phi-scan/record-number" }
        #expect(record.count == 1 && record.allSatisfy { $0["suppressions"] != nil })

        let junit = await output(.junit).output
        #expect(junit.contains("mrn-pilot"))
        #expect(!junit.contains("type=\"phi-scan/record-number\""))

        let github = await output(.github).output
        #expect(!github.contains("title=phi-scan/record-number"))

        let markdown = await output(.markdown).output
        let suppressedSection = try #require(markdown.range(of: "uppressed"))
        #expect(markdown[suppressedSection.upperBound...].contains("phi-scan/record-number"))
    }

    @Test("with plugins off, an exception for a plugin's rule is neither unknown nor unused")
    func pluginExceptionWithoutPlugins() async throws {
        let directory = try TemporaryDirectory()
        let paths = try Self.workspace(in: directory).paths
        let report = await CheckPipeline(today: Self.today).run(paths: paths).input.report
        #expect(!report.problems.contains { $0.message.contains("mrn-pilot") || $0.message.contains("phone-pilot") })
        #expect(!report.inputInvalid)
    }
}
