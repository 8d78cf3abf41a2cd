import Testing
import TacetLanguageServer
import TacetTestSupport
import TacetTool

/// Where diagnostics' codes link to.
@Suite("LSP documentation links")
struct DocumentationBaseTests {
    @Test("the code reference of the source tree or an installed share/tacet, and nothing where there is none")
    func base() throws {
        let directory = try TemporaryDirectory()
        #expect(LanguageServerOptions.documentationBase(in: .installed(at: directory.path)) == nil)
        _ = try directory.write("docs/codes.md", "# Codes\n")
        #expect(LanguageServerOptions.documentationBase(in: .installed(at: directory.path)) == "file://\(directory.path)/")
        #expect(LanguageServerOptions.documentationBase(in: nil) == nil)
    }
}
