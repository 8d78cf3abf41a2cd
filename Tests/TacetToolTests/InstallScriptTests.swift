import Foundation
import Testing
import TacetDocuments
import TacetTestSupport

/// `Scripts/install.sh --from-build` with the debug build: the layout it writes, an installed `tacet`
/// that finds its shipped plugins with a cleared environment outside the source tree, reinstalling
/// and `uninstall.sh`.
@Suite("Install script", .serialized)
struct InstallScriptTests {
    /// The debug build folder the tests' `tacet` is in.
    static var buildFolder: String { TacetBinary.url.deletingLastPathComponent().path }

    /// Runs a script of `Scripts/` with `arguments`.
    static func script(_ name: String, _ arguments: [String]) throws -> TacetBinary.Result {
        try TacetBinary.run(arguments, in: Repository.root, deadline: 120,
                            executable: URL(fileURLWithPath: Repository.path("Scripts/" + name)))
    }

    /// Installs into `prefix` from the debug build.
    static func install(into prefix: String) throws -> TacetBinary.Result {
        let result = try script("install.sh", ["--prefix", prefix, "--from-build", buildFolder])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        return result
    }

    /// Every file under `folder`, relative to it, sorted.
    static func files(under folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    static func isExecutable(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    @Test("installs bin/tacet, the default policy, its tests, curricula, plugins, schemas, man page and completions")
    func layout() throws {
        let directory = try TemporaryDirectory()
        let prefix = directory.path + "/prefix"
        let result = try Self.install(into: prefix)
        #expect(result.stdout.hasPrefix("installed tacet 0.1.0 into \(prefix) ("))
        let share = prefix + "/share/tacet"
        #expect(Self.isExecutable(prefix + "/bin/tacet"))
        #expect(Self.files(under: share + "/policies") == ["music-therapy-ai-use.yaml"])
        #expect(FileManager.default.contentsEqual(atPath: share + "/policies/music-therapy-ai-use.yaml",
                                                  andPath: Repository.path("Policies/music-therapy-ai-use.yaml")))
        #expect(Self.files(under: share + "/curricula") == Self.files(under: Repository.path("Curricula")))
        #expect(Self.files(under: share + "/schemas") == Self.files(under: Repository.path("docs/schemas")))
        let policyTests = Self.files(under: share + "/policy-tests")
        #expect(policyTests.contains("music-therapy-ai-use.yaml") && policyTests.contains("tasks.yaml"))
        #expect(!policyTests.contains("pediatrics.yaml"))

        #expect(Self.files(under: share + "/plugins/consent-coverage") == ["consent-coverage", "plugin.yaml"])
        let manifest = try String(contentsOfFile: share + "/plugins/consent-coverage/plugin.yaml", encoding: .utf8)
        #expect(manifest.contains("\ncommand: [./consent-coverage]\n"))
        #expect(!manifest.contains("./run"))
        #expect(Self.isExecutable(share + "/plugins/consent-coverage/consent-coverage"))
        #expect(Self.files(under: share + "/plugins/phi-scan") == ["phi-scan.py", "plugin.yaml"])
        #expect(Self.isExecutable(share + "/plugins/phi-scan/phi-scan.py"))

        #expect(FileManager.default.contentsEqual(atPath: prefix + "/share/man/man1/tacet.1", andPath: Repository.path("docs/man/tacet.1")))
        for completion in ["bash-completion/completions/tacet", "zsh/site-functions/_tacet", "fish/vendor_completions.d/tacet.fish"] {
            let text = try String(contentsOfFile: prefix + "/share/" + completion, encoding: .utf8)
            #expect(text.contains("plugin"), "\(completion)")
        }
        // The manifest lists exactly what was written.
        let listed = try String(contentsOfFile: share + "/installed-files.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(listed.sorted() == Self.files(under: prefix))
        #expect(listed.last == "share/tacet/installed-files.txt")
    }

    @Test("the installed tacet lists both shipped plugins with a cleared environment, outside the source tree")
    func installedPluginList() throws {
        let directory = try TemporaryDirectory()
        let prefix = directory.path + "/prefix"
        _ = try Self.install(into: prefix)
        try FileManager.default.createDirectory(atPath: directory.path + "/elsewhere", withIntermediateDirectories: true)
        let share = try #require(FileIO.realPath(prefix + "/share/tacet"))
        let result = try TacetBinary.run(["plugin", "list"], in: directory.path + "/elsewhere",
                                         executable: URL(fileURLWithPath: prefix + "/bin/tacet"),
                                         environment: ["PATH": "/usr/bin:/bin", "HOME": directory.path])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("consent-coverage 1.0.0  \(share)/plugins/consent-coverage\n"))
        #expect(result.stdout.contains("phi-scan 1.0.0  \(share)/plugins/phi-scan\n"))
        #expect(result.stdout.contains("consent-coverage/consent-before-ai (warning)"))
        #expect(!result.stdout.contains("FAILED"))
        #expect(result.stdout.hasSuffix("\n2 valid plugins in \(share)/plugins (shipped)\n"))
    }

    @Test("the installed policy tests pass against the installed default policy")
    func installedPolicyTests() throws {
        let directory = try TemporaryDirectory()
        let prefix = directory.path + "/prefix"
        _ = try Self.install(into: prefix)
        let result = try TacetBinary.run(["test", "share/tacet/policies", "share/tacet/policy-tests"], in: prefix,
                                         executable: URL(fileURLWithPath: prefix + "/bin/tacet"),
                                         environment: ["PATH": "/usr/bin:/bin", "HOME": directory.path])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
    }

    @Test("installing again replaces the installation and removes what it no longer writes; uninstall removes every file")
    func reinstallAndUninstall() throws {
        let directory = try TemporaryDirectory()
        let prefix = directory.path + "/prefix"
        _ = try Self.install(into: prefix)
        let installed = Self.files(under: prefix)
        // A file an older installation wrote and this one does not.
        try directory.write("prefix/share/tacet/schemas/retired.schema.json", "{}")
        let manifest = prefix + "/share/tacet/installed-files.txt"
        try (try String(contentsOfFile: manifest, encoding: .utf8) + "share/tacet/schemas/retired.schema.json\n")
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        let again = try Self.install(into: prefix)
        #expect(again.stdout.contains("removed 1 file(s) the previous installation wrote and this one does not"))
        #expect(Self.files(under: prefix) == installed)

        try directory.write("prefix/bin/other-tool", "")
        let removed = try Self.script("uninstall.sh", ["--prefix", prefix])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "removed tacet from \(prefix): \(installed.count) of the \(installed.count) files it installed\n")
        #expect(Self.files(under: prefix) == ["bin/other-tool"])
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share/tacet"))
    }

    @Test("an install that fails half-way lists what it wrote, so uninstall.sh still removes all of it")
    func failedInstallIsUninstallable() throws {
        let directory = try TemporaryDirectory()
        let prefix = directory.path + "/prefix"
        // A file where the man page's folder must go: install.sh fails after the policy, plugins and schemas.
        try directory.write("prefix/share/man", "not a folder")
        let failed = try Self.script("install.sh", ["--prefix", prefix, "--from-build", Self.buildFolder])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("install.sh: cannot create \(prefix)/share/man/man1"), "\(failed.stderr)")
        let listed = try String(contentsOfFile: prefix + "/share/tacet/installed-files.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(listed.contains("bin/tacet") && listed.contains("share/tacet/plugins/phi-scan/phi-scan.py"))
        #expect(Set(listed) == Set(Self.files(under: prefix)).subtracting(["share/man"]))
        #expect(!Self.files(under: prefix).contains { $0.hasSuffix(".installing") })

        let removed = try Self.script("uninstall.sh", ["--prefix", prefix])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(Self.files(under: prefix) == ["share/man"])
    }

    @Test("a missing build folder or an uninstalled prefix is refused with a message")
    func refusals() throws {
        let directory = try TemporaryDirectory()
        let noBuild = try Self.script("install.sh", ["--prefix", directory.path + "/p", "--from-build", directory.path + "/nowhere"])
        #expect(noBuild.status == 1)
        #expect(noBuild.stderr == "install.sh: build folder '\(directory.path)/nowhere' does not exist\n")
        let nothing = try Self.script("uninstall.sh", ["--prefix", directory.path])
        #expect(nothing.status == 1)
        #expect(nothing.stderr == "uninstall.sh: \(directory.path)/share/tacet/installed-files.txt not found: "
                + "Scripts/install.sh installed nothing under '\(directory.path)'\n")
    }
}
