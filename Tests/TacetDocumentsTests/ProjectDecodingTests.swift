import Testing
import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// `tacet.yaml` is decoded as strictly as every other kind.
@Suite("Project file decoding")
struct ProjectDecodingTests {
    @Test("a project file's folders, defaults setting, failOn and format are the ones written")
    func valid() throws {
        let (document, diagnostics) = try decode(Samples.project + "format: sarif\ncurricula: [curricula]\nplugins: [plugins]\n",
                                                 file: "tacet.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .project(let project) = document?.document else {
            Issue.record("not a project")
            return
        }
        #expect(project.policies == ["policies"])
        #expect(project.curricula == ["curricula"])
        #expect(project.teams == ["teams"])
        #expect(project.plugins == ["plugins"])
        #expect(project.defaults == .shipped)
        #expect(project.failOn == .warning)
        #expect(project.format == .sarif)
        #expect(project.documentFolders == ["policies", "curricula", "teams"])
    }

    @Test("folders are optional; defaults: none is spelt none")
    func minimal() throws {
        let (document, diagnostics) = try decode("apiVersion: tacet/v1\nkind: Project\nmetadata: {name: p}\ndefaults: none\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .project(let project) = document?.document else {
            Issue.record("not a project")
            return
        }
        #expect(project.defaults == .projectOnly)
        #expect(project.documentFolders.isEmpty && project.plugins.isEmpty && project.failOn == nil && project.format == nil)
    }

    @Test("an unknown key is refused at its line with the closest key")
    func unknownKey() throws {
        let text = Samples.project.replacingOccurrences(of: "policies: [policies]", with: "polices: [policies]")
        let (document, diagnostics) = try decode(text, file: "tacet.yaml")
        #expect(document == nil)
        let unknown = try #require(diagnostics.with(.unknownKey).first)
        #expect(unknown.message == "unknown key 'polices' in the document")
        #expect(unknown.hint == "did you mean 'policies'?")
        #expect(unknown.location == SourceLocation(file: "tacet.yaml", line: 4, column: 1))
    }

    @Test("a defaults value other than shipped or none is refused with the closest one")
    func badDefaults() throws {
        let text = Samples.project.replacingOccurrences(of: "defaults: shipped", with: "defaults: shiped")
        let (document, diagnostics) = try decode(text, file: "tacet.yaml")
        #expect(document == nil)
        let invalid = try #require(diagnostics.with(.invalidValue).first)
        #expect(invalid.location == SourceLocation(file: "tacet.yaml", line: 6, column: 11))
        #expect(invalid.message.contains("'shiped'"), "\(invalid.message)")
        #expect(invalid.hint == "did you mean 'shipped'?")
    }

    @Test("a project file without defaults says what to write")
    func missingDefaults() throws {
        let text = Samples.project.replacingOccurrences(of: "defaults: shipped\n", with: "")
        let (document, diagnostics) = try decode(text, file: "tacet.yaml")
        #expect(document == nil)
        let missing = try #require(diagnostics.with(.missingKey).first)
        #expect(missing.message == "the document is missing required key 'defaults'")
        #expect(missing.hint?.contains("defaults: shipped") == true)
    }

    @Test("one folder written without brackets is refused with the list to write")
    func folderWithoutBrackets() throws {
        let text = Samples.project.replacingOccurrences(of: "teams: [teams]", with: "teams: teams")
        let (document, diagnostics) = try decode(text, file: "tacet.yaml")
        #expect(document == nil)
        let wrong = try #require(diagnostics.with(.wrongType).first)
        #expect(wrong.message == "expected teams as a list of folders, found a string")
        #expect(wrong.hint == "write `teams: [teams]`")
        #expect(wrong.location == SourceLocation(file: "tacet.yaml", line: 5, column: 8))
        #expect(diagnostics.count == 1)
    }
}
