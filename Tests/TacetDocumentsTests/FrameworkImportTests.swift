import Foundation
import Testing
import TacetDiagnostics
@testable import TacetDocuments
import TacetYAML

@Suite("Framework import")
struct FrameworkImportTests {
    static let exportURL = Bundle.module.url(forResource: "Fixtures/music-therapists-export", withExtension: "json")
    /// The committed framework, found from this file's place in the repository.
    static let committedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Curricula/frameworks/music-therapists.yaml").path

    func importFixture() throws -> Framework {
        let url = try #require(Self.exportURL)
        return try FrameworkImporter.importExport([UInt8](try Data(contentsOf: url)), file: "export.json")
    }

    @Test("the export gives 40 statements, 10 per level, in level order, with slug ids")
    func statements() throws {
        let framework = try importFixture()
        #expect(framework.statements.count == 40)
        #expect(framework.statements.map(\.level) == CompetencyLevel.allCases.flatMap { Array(repeating: $0, count: 10) })
        let first = try #require(framework.statements.first)
        #expect(first.id == "client-needs-assessment")
        #expect(first.title == "Client needs assessment")
        #expect(first.description.hasPrefix("conduct initial intake observations"))
        #expect(framework.statements.last?.id == "executive-reporting-and-accountability")
        #expect(framework.occupation.soc == "29-1129.02")
        #expect(framework.metadata.name == "music-therapists")
        #expect(framework.metadata.version == "v.26.05")
    }

    @Test("the committed framework's statements are exactly what the import produces")
    func committedFrameworkMatches() throws {
        let imported = try importFixture()
        let workspace = WorkspaceLoader().load([Self.committedPath])
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        guard case .framework(let committed) = workspace.documents.first?.document else {
            Issue.record("the committed framework did not load")
            return
        }
        #expect(committed.statements == imported.statements)
        #expect(committed.occupation == imported.occupation)
        // The hand-written parts the design asks for are there too.
        #expect(committed.aiAtWork.count == 9)
        #expect(committed.durableSkills.count == 10)
        #expect(committed.area("documentation")?.chain == [
            "treatment-documentation", "treatment-plan-documentation", "complex-documentation-management",
            "executive-reporting-and-accountability",
        ])
    }

    @Test("the written YAML reads back to the same framework")
    func roundTrip() throws {
        let imported = try importFixture()
        let text = YAMLWriter.write(imported.yamlValue, comments: ["generated"])
        let (document, diagnostics) = try decode(text)
        #expect(diagnostics.isEmpty)
        guard case .framework(let decoded) = document?.document else {
            Issue.record("did not decode")
            return
        }
        #expect(decoded == imported)
    }

    @Test("an unknown schemaVersion is refused at its position")
    func schemaVersion() throws {
        let text = #"{"schemaVersion": "2.0", "occupation": {}}"#
        #expect {
            try FrameworkImporter.importExport(Array(text.utf8), file: "x.json")
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            return diagnostic?.message == "unsupported schemaVersion '2.0'"
                && diagnostic?.location == SourceLocation(file: "x.json", line: 1, column: 19)
        }
    }

    @Test("malformed exports name what is wrong and where")
    func malformed() throws {
        let noDash = #"""
            {"schemaVersion": "1.0", "occupation": {"soc": "1", "title": "T"},
             "framework": {"levels": {
               "emerging": {"statements": ["No dash here"]},
               "developing": {"statements": []}, "proficient": {"statements": []}, "advanced": {"statements": []},
               "expert": {"statements": []}}}}
            """#
        do {
            _ = try FrameworkImporter.importExport(Array(noDash.utf8), file: "x.json")
            Issue.record("expected an error")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains("statement has no ' \u{2014} ' between its name and description"))
            #expect(messages.contains("unknown level 'expert'"))
            #expect(error.diagnostics.first?.location?.line == 3)
        }
        #expect(throws: DiagnosticError.self) {
            try FrameworkImporter.importExport(Array("{\"schemaVersion\": \"1.0\"}".utf8), file: "x.json")
        }
        #expect(throws: DiagnosticError.self) {
            try FrameworkImporter.importExport(Array("{\"a\": ".utf8), file: "x.json")
        }
    }
}
