import Foundation
import Testing
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost
import TacetReports
import TacetTestSupport
import TacetTool

/// The code registry is the one list of codes: the code reference is written from it, every code enum
/// in the sources is part of it, and no code is spelled outside its enum or named in the docs without
/// existing.
@Suite("Code registry")
struct CodeReferenceTests {
    /// Files whose names follow `family.` in backticks but are not codes.
    static let notCodes: Set<String> = ["plugin.yaml", "document.content", "yaml.schemas"]
    /// The prefixes of Tacet's own codes.
    static let prefixes = ["yaml", "document", "io", "import", "policy", "lint", "requirement", "exception", "plan", "test",
                           "explain", "client-notice", "plugin"]

    @Test("docs/codes.md is the reference generated from the registry (TACET_WRITE_DOCS=1 rewrites it)")
    func referenceIsCurrent() throws {
        let path = Repository.path(DiagnosticCodeReference.path)
        let expected = CodeReference.markdown()
        if ProcessInfo.processInfo.environment["TACET_WRITE_DOCS"] == "1" {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "docs/codes.md is out of date: run TACET_WRITE_DOCS=1 swift test --filter CodeReferenceTests")
    }

    @Test("ids and anchors are unique, summaries are one line without a full stop, every id has a known prefix")
    func idsAreWellFormed() {
        let ids = DiagnosticCodes.all.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids) { $0 }.filter { $1.count > 1 }.keys)")
        let anchors = ids.map(DiagnosticCodeReference.anchor(of:))
        #expect(Set(anchors).count == anchors.count)
        for code in DiagnosticCodes.all {
            #expect(!code.summary.isEmpty && !code.summary.contains("\n") && !code.summary.hasSuffix("."), "\(code.id)")
            #expect(Self.prefixes.contains(String(code.id.prefix { $0 != "." })), "\(code.id) has an unknown prefix")
            #expect(code.documentation == "docs/codes.md#" + DiagnosticCodeReference.anchor(of: code.id))
        }
        #expect(DiagnosticCodeReference.anchor(of: "requirement.ai-level") == "requirementai-level")
    }

    @Test("every enum in the sources that conforms to DiagnosticCode is in the registry")
    func everyCodeTypeIsRegistered() throws {
        let registered = Set(DiagnosticCodes.families.compactMap { $0.codes.first.map { String(describing: type(of: $0)) } })
        let declared = try Self.sources().flatMap { file, text in
            text.matches(of: /enum (\w+): [^{]*DiagnosticCode/).map { (String($0.output.1), file) }
        }
        #expect(!declared.isEmpty)
        for (name, file) in declared {
            #expect(registered.contains(name), "\(name) (\(file)) is not in DiagnosticCodes.families: it is undocumented")
        }
    }

    @Test("no string literal in the sources names a code outside its enum's case declarations")
    func noLiteralCodes() throws {
        let pattern = try Regex("\"(\(Self.prefixes.joined(separator: "|")))\\.")
        var offences: [String] = []
        for (file, text) in try Self.sources() {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(pattern) && !line.contains(/^\s*case \w+ = "/) {
                offences.append("\(file):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(offences.isEmpty, "codes spelled outside their enums:\n\(offences.joined(separator: "\n"))")
    }

    @Test("every code the README and docs name exists, and the plugin protocol lists every plugin code")
    func docsNameRealCodes() throws {
        let known = Set(DiagnosticCodes.all.map(\.id))
        let pages = ["README.md"] + (try FileManager.default.contentsOfDirectory(atPath: Repository.path("docs")))
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        let pattern = try Regex("`((\(Self.prefixes.joined(separator: "|")))\\.[a-z0-9.-]*[a-z0-9])`")
        for page in pages {
            let text = try String(contentsOfFile: Repository.path(page), encoding: .utf8)
            for match in text.matches(of: pattern) {
                guard let id = match.output[1].substring.map(String.init), !Self.notCodes.contains(id) else { continue }
                #expect(known.contains(id), "\(page) names '\(id)', which is no code")
            }
        }
        let protocolPage = try String(contentsOfFile: Repository.path("docs/plugin-protocol.md"), encoding: .utf8)
        for code in PluginErrorCode.allCases where code != .unknown {
            #expect(protocolPage.contains("`\(code.id)`"), "docs/plugin-protocol.md does not mention \(code.id)")
        }
    }

    @Test("the SARIF rule list starts with every check the registry lists, in its order")
    func sarifListsTheChecks() async throws {
        let run = await CheckPipeline(today: CalendarDate(year: 2026, month: 11, day: 21)!)
            .run(paths: [Repository.path("Policies/music-therapy-ai-use.yaml"), Repository.path("Curricula")])
        let catalog = RuleCatalog(run.input)
        #expect(Array(catalog.rules.prefix(DiagnosticCodes.checks.count)).map(\.id) == DiagnosticCodes.checks.map(\.id))
        #expect(catalog.rules.first?.helpPath == DiagnosticCodes.checks.first?.documentation)
    }

    /// Every Swift file under Sources, with its path relative to the repository.
    static func sources() throws -> [(String, String)] {
        let root = Repository.path("Sources")
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return try walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { relative in
            ("Sources/" + relative, try String(contentsOfFile: root + "/" + relative, encoding: .utf8))
        }
    }
}
