import Foundation
import Testing
import TacetTestSupport
import TacetDiagnostics
import TacetDocuments
import TacetYAML

@Suite("Workspace loading")
struct WorkspaceLoaderTests {
    @Test("a directory is searched recursively, in sorted order, skipping hidden folders")
    func directories() throws {
        let directory = try TemporaryDirectory()
        try directory.write("b/workflow.yaml", Samples.workflow)
        try directory.write("a/therapist.yml", Samples.therapist)
        try directory.write(".hidden/broken.yaml", "{{{")
        try directory.write("notes.txt", "not yaml")
        let workspace = WorkspaceLoader().load([directory.path])
        #expect(workspace.diagnostics.isEmpty)
        #expect(workspace.files.map { ($0 as NSString).lastPathComponent } == ["therapist.yml", "workflow.yaml"])
        #expect(workspace.documents.map(\.kind) == [.therapist, .workflow])
        #expect(workspace.documents(of: .workflow).count == 1)
    }

    @Test("a linked file is loaded; a linked folder is not followed, so a link back cannot loop")
    func symbolicLinks() throws {
        let directory = try TemporaryDirectory()
        try directory.write("shared/therapist.yaml", Samples.therapist)
        try directory.write("team/workflow.yaml", Samples.workflow)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/team/therapist.yaml",
                                                   withDestinationPath: directory.path + "/shared/therapist.yaml")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/team/loop", withDestinationPath: directory.path)
        let files = try WorkspaceLoader().files(at: directory.path + "/team/")
        #expect(files == [directory.path + "/team/therapist.yaml", directory.path + "/team/workflow.yaml"])
    }

    @Test("errors of every file are reported in one run, and valid files still load")
    func allFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("1-bad-yaml.yaml", "a: [1, 2\n")
        try directory.write("2-bad-doc.yaml", Samples.plugin.replacingOccurrences(of: "timeout: 5", with: "timout: 5"))
        try directory.write("3-good.yaml", Samples.catalog)
        let workspace = WorkspaceLoader().load([directory.path])
        #expect(workspace.hasErrors)
        #expect(Set(workspace.diagnostics.compactMap { $0.location?.file }).count == 2)
        #expect(workspace.diagnostics.map(\.code) == ["yaml.syntax", "document.unknown-key"])
        #expect(workspace.documents.map(\.kind) == [.catalog])
        #expect(workspace.sources.count == 3)
    }

    @Test("a missing path is an error that names it")
    func missingPath() {
        let workspace = WorkspaceLoader().load(["/nonexistent/tacet/policy.yaml"])
        #expect(workspace.diagnostics.first?.location?.file == "/nonexistent/tacet/policy.yaml")
        #expect(workspace.diagnostics.first?.code == "io.read")
        #expect(workspace.diagnostics.first?.message == "cannot read the file or folder: No such file or directory")
    }

    @Test("a file that cannot be read is named with the operating system's reason")
    func unreadable() throws {
        let directory = try TemporaryDirectory()
        try directory.write("team/good.yaml", Samples.catalog)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/team/loop.yaml", withDestinationPath: "loop.yaml")
        let workspace = WorkspaceLoader().load([directory.path + "/team", directory.path + "/loop.yaml"])
        // Paths are resolved before any file is read, so the missing path is reported first.
        #expect(workspace.diagnostics.map(\.message) == ["cannot read the file or folder: No such file or directory",
                                                         "cannot read the file: Too many levels of symbolic links"])
        #expect(workspace.diagnostics.map { $0.location?.file } == [directory.path + "/loop.yaml", directory.path + "/team/loop.yaml"])
        #expect(workspace.documents.count == 1)
        let folder = WorkspaceLoader().parse(file: directory.path + "/team")
        #expect(folder.diagnostics.map(\.message) == ["cannot read the file: Is a directory"])
    }

    @Test("two documents of one kind may not share a name")
    func duplicateNames() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.yaml", Samples.catalog)
        try directory.write("b.yaml", Samples.catalog)
        let workspace = WorkspaceLoader().load([directory.path])
        let duplicate = try #require(workspace.diagnostics.first)
        #expect(duplicate.code == "document.duplicate-id")
        #expect(duplicate.location?.file.hasSuffix("b.yaml") == true)
        #expect(duplicate.notes.first?.location?.file.hasSuffix("a.yaml") == true)
    }

    @Test("a file over the size limit is refused before it is read")
    func sizeLimit() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("big.yaml", "a: " + String(repeating: "x", count: 200) + "\n")
        let workspace = WorkspaceLoader(limits: YAMLLimits(maxInputBytes: 100)).load([file])
        #expect(workspace.diagnostics.first?.code == "yaml.limit.input-size")
        #expect(workspace.sources[file] == nil)
    }

    @Test("a path given twice is loaded once")
    func dedupe() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("c.yaml", Samples.catalog)
        let workspace = WorkspaceLoader().load([file, directory.path])
        #expect(workspace.documents.count == 1)
        #expect(workspace.diagnostics.isEmpty)
    }

    @Test("a file reached by two paths, a folder and its parent or a link, is one document named by the first path")
    func samePathTwice() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("team/roster/c.yaml", Samples.catalog)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/alias", withDestinationPath: directory.path + "/team")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/team/z-link.yaml", withDestinationPath: "roster/c.yaml")
        let workspace = WorkspaceLoader().load([directory.path, directory.path + "/team/roster", directory.path + "/alias"])
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        #expect(workspace.files == [directory.path + "/team/roster/c.yaml"])
        #expect(workspace.documents.map(\.file) == [file])
    }
}
