import Foundation
import Testing
import TacetTestSupport
import TacetDiagnostics
import TacetDocuments

/// Every read and write failure names the file and the operating system's reason in words, never a
/// Foundation error number.
@Suite("File I/O")
struct FileIOTests {
    /// The one diagnostic `body` throws.
    static func failure(_ body: () throws(DiagnosticError) -> Void) throws -> Diagnostic {
        do {
            try body()
        } catch {
            #expect(error.diagnostics.count == 1)
            return try #require(error.diagnostics.first)
        }
        Issue.record("no error was thrown")
        throw DiagnosticError([])
    }

    @Test("a read that fails says why: a folder, a missing file, a path through a file, a link loop, an empty path")
    func readFailures() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("file.yaml", "a: 1\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/loop.yaml", withDestinationPath: "loop.yaml")
        let cases = [(directory.path, "Is a directory"), (directory.path + "/absent.yaml", "No such file or directory"),
                     (file + "/inner.yaml", "Not a directory"), (directory.path + "/loop.yaml", "Too many levels of symbolic links")]
        for (path, reason) in cases {
            let diagnostic = try Self.failure { () throws(DiagnosticError) in _ = try FileIO.contents(of: path) }
            #expect(diagnostic.code == IOErrorCode.read.rawValue)
            #expect(diagnostic.message == "cannot read the file: \(reason)")
            #expect(diagnostic.location == SourceLocation(file: path, line: 1, column: 1))
        }
        let empty = try Self.failure { () throws(DiagnosticError) in _ = try FileIO.contents(of: "") }
        #expect(empty.message == "cannot read the file (the path is empty): No such file or directory")
        #expect(empty.location == nil)
    }

    @Test("a folder's entries leave out hidden ones; a folder that cannot be listed says why")
    func entries() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("b/plugin.yaml", "x")
        _ = try directory.write("a.yaml", "x")
        _ = try directory.write(".hidden", "x")
        #expect(try FileIO.entries(of: directory.path) == ["a.yaml", "b"])
        let file = try Self.failure { () throws(DiagnosticError) in
            _ = try FileIO.entries(of: directory.path + "/a.yaml", what: "cannot read the plugin directory")
        }
        #expect(file.message == "cannot read the plugin directory: Not a directory")
        #expect(file.code == "io.read")
    }

    @Test("a read stops at its limit, so an oversized file is never read in full")
    func readLimit() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("big.yaml", String(repeating: "x", count: 10_000))
        #expect(try FileIO.contents(of: file).count == 10_000)
        #expect(try FileIO.contents(of: file, limit: 101).count == 101)
    }

    @Test("atomic writes replace an existing output and leave no temporary file")
    func atomicReplace() throws {
        let directory = try TemporaryDirectory()
        let target = try directory.write("out.yaml", "old")
        try FileIO.writeAtomically("new", to: target, inputs: [])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.yaml"])
    }

    @Test("a new file is written whole; an existing file, link or dangling link is left alone and reported")
    func writeNewNeverReplaces() throws {
        let directory = try TemporaryDirectory()
        let fresh = directory.path + "/fresh.yaml"
        #expect(try FileIO.writeNew("new\n", to: fresh))
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "new\n")
        #expect(try !FileIO.writeNew("other\n", to: fresh))
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "new\n")
        let dangling = directory.path + "/dangling.yaml"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: directory.path + "/nowhere.yaml")
        #expect(try !FileIO.writeNew("x\n", to: dangling))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/nowhere.yaml"))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["dangling.yaml", "fresh.yaml"])
        let missing = try Self.failure { () throws(DiagnosticError) in _ = try FileIO.writeNew("x", to: directory.path + "/no/such/folder/file.yaml") }
        #expect(missing.message.contains("cannot write the file"), "\(missing.message)")
    }

    @Test("an output is never written over an input, even when reached through a link")
    func neverOverAnInput() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.yaml", "keep")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link.yaml", withDestinationPath: input)
        let refused = try Self.failure { () throws(DiagnosticError) in
            try FileIO.writeAtomically("x", to: directory.path + "/./link.yaml", inputs: [input])
        }
        #expect(refused.code == IOErrorCode.overwriteInput.rawValue)
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "keep")
    }

    @Test("a write that fails says why, names the path as given, and leaves nothing behind")
    func writeFailures() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("file", "a file, not a folder")
        try FileManager.default.createDirectory(atPath: directory.path + "/folder.html", withIntermediateDirectories: false)
        let cases = [(file + "/r.html", "Not a directory"), (directory.path + "/absent/r.html", "No such file or directory"),
                     (directory.path + "/folder.html", "Is a directory")]
        for (path, reason) in cases {
            let diagnostic = try Self.failure { () throws(DiagnosticError) in try FileIO.writeAtomically("x", to: path, inputs: []) }
            #expect(diagnostic.code == IOErrorCode.write.rawValue)
            #expect(diagnostic.message == "cannot write the file: \(reason)")
            #expect(diagnostic.location?.file == path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["file", "folder.html"])
    }

    @Test("folders are created with their parents; a file in the way is named with the reason")
    func folders() throws {
        let directory = try TemporaryDirectory()
        try FileIO.createFolder(directory.path + "/a/b/c")
        try FileIO.createFolder(directory.path + "/a/b/c")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory.path + "/a/b/c", isDirectory: &isDirectory) && isDirectory.boolValue)
        let file = try directory.write("file", "x")
        let diagnostic = try Self.failure { () throws(DiagnosticError) in try FileIO.createFolder(file + "/plans") }
        #expect(diagnostic.message == "cannot create the folder: Not a directory")
        #expect(diagnostic.location?.file == file + "/plans")
    }
}
