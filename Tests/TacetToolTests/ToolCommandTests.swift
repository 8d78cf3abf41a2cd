import Foundation
import Testing
import TacetTestSupport
import TacetTool

/// The orchestration layer, called in-process as the CLI calls it.
@Suite("Tool commands")
struct ToolCommandTests {
    @Test("validate with no YAML files is an error, not a silent pass")
    func validateEmpty() throws {
        let directory = try TemporaryDirectory()
        try directory.write("readme.txt", "nothing here")
        let outcome = ValidateCommand.run(paths: [directory.path])
        #expect(outcome.status == .invalid)
        #expect(outcome.diagnostics.first?.code == "io.no-documents")
    }

    @Test("convert reports values JSON cannot hold at their position")
    func convertUnrepresentable() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("x.yaml", "a: 1\nb: .inf\n")
        let outcome = ConvertCommand.run(file: file)
        #expect(outcome.status == .invalid)
        #expect(outcome.diagnostics.first?.location?.line == 2)
        #expect(outcome.sources[file] != nil)
    }

    @Test("convert accepts any YAML document, with or without a kind")
    func convertAny() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("x.yaml", "- 010\n- '010'\n- 0x1F\n- 1e2\n")
        let outcome = ConvertCommand.run(file: file, pretty: false)
        #expect(outcome.status == .ok)
        #expect(outcome.output == "[10,\"010\",31,100.0]\n")
    }

    @Test("framework import reports a missing file and a bad export with positions")
    func importErrors() throws {
        let missing = FrameworkImportCommand.run(input: "/nonexistent/export.json", output: nil)
        #expect(missing.status == .invalid)
        #expect(missing.diagnostics.first?.message == "cannot read the file: No such file or directory")
        let directory = try TemporaryDirectory()
        let file = try directory.write("bad.json", "{\"schemaVersion\": \"9\"}")
        let bad = FrameworkImportCommand.run(input: file, output: nil)
        #expect(bad.status == .invalid)
        #expect(bad.diagnostics.first?.location?.column == 19)
    }
}
