import Foundation
import Testing
import TacetTestSupport
import TacetDiagnostics
import TacetDocuments
import TacetTool

/// Where a `tacet` finds its shipped defaults: `TACET_HOME`, else `share/tacet` beside its prefix's `bin`
/// (through symbolic links), else the source tree it was built in.
@Suite("Installation")
struct InstallationTests {
    /// A prefix with `bin/tacet` and `share/tacet/policies/<default policy>`.
    static func prefix(in directory: borrowing TemporaryDirectory) throws -> String {
        _ = try directory.write("prefix/bin/tacet", "")
        _ = try directory.write("prefix/share/tacet/policies/" + Installation.defaultPolicyFile, "")
        return directory.path + "/prefix"
    }

    @Test("an installed tacet finds PREFIX/share/tacet, also when reached through a symbolic link")
    func installedLayout() throws {
        let directory = try TemporaryDirectory()
        let prefix = try Self.prefix(in: directory)
        let link = directory.path + "/tacet-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: prefix + "/bin/tacet")
        let found = try #require(try Installation.locate(environment: [:], executable: link))
        let share = try #require(FileIO.realPath(prefix + "/share/tacet"))
        #expect(found == Installation.installed(at: share))
        #expect(found.plugins == share + "/plugins")
        #expect(found.defaultPolicies == [share + "/policies/music-therapy-ai-use.yaml"])
    }

    @Test("TACET_HOME wins over the executable's prefix")
    func home() throws {
        let directory = try TemporaryDirectory()
        let prefix = try Self.prefix(in: directory)
        let elsewhere = try directory.write("home/policies/" + Installation.defaultPolicyFile, "")
        let home = ((elsewhere as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let found = try #require(try Installation.locate(environment: ["TACET_HOME": home], executable: prefix + "/bin/tacet"))
        #expect(found.layout == .installed)
        #expect(found.root == FileIO.realPath(home))
    }

    @Test("a tacet in a source tree's build folder finds the tree's Policies, Curricula, Plugins and docs/schemas")
    func sourceTree() throws {
        let built = Repository.path(".build/x86_64-unknown-linux-gnu/debug/tacet")
        let found = try #require(try Installation.locate(environment: [:], executable: built))
        #expect(found.layout == .sourceTree)
        #expect(FileIO.realPath(found.root) == FileIO.realPath(Repository.root))
        #expect(found.schemas.hasSuffix("/docs/schemas"))
        #expect(FileManager.default.fileExists(atPath: found.defaultPolicies[0]))
    }

    @Test("a tacet with neither finds no defaults")
    func nowhere() throws {
        let directory = try TemporaryDirectory()
        let lone = try directory.write("bin/tacet", "")
        #expect(try Installation.locate(environment: [:], executable: lone) == nil)
    }

    @Test("a TACET_HOME that names no installation is refused, with what to do, not ignored")
    func invalidHome() throws {
        let directory = try TemporaryDirectory()
        let prefix = try Self.prefix(in: directory)
        #expect(throws: DiagnosticError.self) {
            try Installation.locate(environment: ["TACET_HOME": directory.path + "/nowhere"], executable: prefix + "/bin/tacet")
        }
        do {
            _ = try Installation.locate(environment: ["TACET_HOME": "/nonexistent"], executable: prefix + "/bin/tacet")
        } catch {
            #expect(error.diagnostics.map(\.message)
                    == ["TACET_HOME is '/nonexistent', which holds no Tacet installation: it has no policies/music-therapy-ai-use.yaml"])
            #expect(error.diagnostics.first?.hint == "unset TACET_HOME, or set it to the share/tacet folder of an installed tacet")
        }
        // Every command that loads refuses it: a check that went on would run without the shipped plugins.
        let result = try TacetBinary.run(["check"], in: Repository.root, adding: ["TACET_HOME": "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: TACET_HOME is '/nonexistent', which holds no Tacet installation"), "\(result.stderr)")
    }
}
