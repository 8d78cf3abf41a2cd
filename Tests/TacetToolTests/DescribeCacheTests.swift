import Foundation
import Testing
import TacetTestSupport

/// The describe cache through the built binary: a second run reads it, editing the plugin misses it, the
/// flags bypass it, a damaged entry is never trusted, and a cache that cannot be written never fails a run.
@Suite("Describe cache", .serialized)
struct DescribeCacheTests {
    /// A plugin that counts its describe starts in a file inside its own folder (the one folder it is told of).
    static let counting = """
        #!/bin/sh
        case "$1" in
        describe) cat >/dev/null; echo started >> "$TACET_PLUGIN_DIR/describe-starts"
          printf '%s' '{"name":"counted","version":"0.1.0","protocols":[1],"kinds":["Workflow"],"rules":[{"id":"counted/rule","severity":"info","summary":"Counted."}]}' ;;
        check) cat >/dev/null; printf '%s' '{"findings":[]}' ;;
        esac
        """

    /// A temporary folder with the counting plugin in Plugins/counted and an empty cache folder.
    struct Setup: ~Copyable {
        let directory = try! TemporaryDirectory()  // invariant: a test cannot run without its temporary folder

        init() throws {
            try PluginCommandTests.writePlugin("counted", script: DescribeCacheTests.counting, in: directory)
            try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        }

        var cache: String { directory.path + "/cache" }
        var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: cache + "/tacet")) ?? []).filter { !$0.hasPrefix(".") } }

        /// How many times the plugin has answered describe.
        var starts: Int {
            ((try? String(contentsOfFile: directory.path + "/Plugins/counted/describe-starts", encoding: .utf8)) ?? "")
                .split(separator: "\n").count
        }

        func tacet(_ arguments: [String], cacheHome: String? = nil) throws -> TacetBinary.Result {
            try TacetBinary.run(arguments + ["--plugins", directory.path + "/Plugins"], in: directory.path,
                                adding: ["XDG_CACHE_HOME": cacheHome ?? cache])
        }

        func list(_ extra: String...) throws -> TacetBinary.Result { try tacet(["plugin", "list"] + extra) }
    }

    @Test("plugin list run twice starts describe once; the second run reads the cache")
    func secondRunReadsTheCache() throws {
        let setup = try Setup()
        let first = try setup.list()
        #expect(first.status == 0, "\(first.stdout) \(first.stderr)")
        #expect(setup.starts == 1)
        #expect(setup.entries.count == 1)
        let second = try setup.list()
        #expect(second.status == 0)
        #expect(setup.starts == 1)
        #expect(second.stdout == first.stdout)
        #expect(second.stdout.contains("counted/rule (info): Counted."))
        // check reads the same entry.
        let paths = try PluginCommandTests.smallCheck(in: setup.directory)
        let check = try setup.tacet(["check"] + paths)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(setup.starts == 1)
    }

    @Test("editing the executable or the manifest asks the plugin afresh")
    func editingInvalidates() throws {
        let setup = try Setup()
        _ = try setup.list()
        let script = setup.directory.path + "/Plugins/counted/counted.sh"
        try (DescribeCacheTests.counting + "\n# edited\n").write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        #expect(try setup.list().status == 0)
        #expect(setup.starts == 2)
        let manifest = setup.directory.path + "/Plugins/counted/plugin.yaml"
        try (String(contentsOfFile: manifest, encoding: .utf8) + "\n# edited\n").write(toFile: manifest, atomically: true, encoding: .utf8)
        #expect(try setup.list().status == 0)
        #expect(setup.starts == 3)
        #expect(try setup.list().status == 0)
        #expect(setup.starts == 3)
    }

    @Test("--no-cache neither reads nor writes the cache; plugin list --refresh asks afresh and rewrites it")
    func flagsBypassTheCache() throws {
        let setup = try Setup()
        #expect(try setup.list("--no-cache").status == 0)
        #expect(setup.entries.isEmpty)
        _ = try setup.list()
        #expect(setup.starts == 2)
        let paths = try PluginCommandTests.smallCheck(in: setup.directory)
        #expect(try setup.tacet(["check"] + paths + ["--no-cache"]).status == 0)
        #expect(setup.starts == 3)
        let entry = setup.cache + "/tacet/" + setup.entries[0]
        let written = try FileManager.default.attributesOfItem(atPath: entry)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        #expect(try setup.list("--refresh").status == 0)
        #expect(setup.starts == 4)
        let rewritten = try FileManager.default.attributesOfItem(atPath: entry)[.modificationDate] as? Date
        #expect(rewritten != written)
        let both = try setup.list("--refresh", "--no-cache")
        #expect(both.status == 2)
        #expect(both.stderr.contains("--refresh and --no-cache contradict each other"))
    }

    @Test("a corrupt or edited cache entry is ignored and rewritten, never trusted")
    func damagedEntriesAreNotTrusted() throws {
        let setup = try Setup()
        let first = try setup.list()
        let entry = setup.cache + "/tacet/" + setup.entries[0]
        let intact = try String(contentsOfFile: entry, encoding: .utf8)
        // An edited answer (its digest no longer matches), then garbage, then an empty file.
        for damaged in [intact.replacingOccurrences(of: "Counted.", with: "Forged."), "garbage", ""] {
            try damaged.write(toFile: entry, atomically: true, encoding: .utf8)
            let run = try setup.list()
            #expect(run.status == 0)
            #expect(run.stdout == first.stdout)
            #expect(!run.stdout.contains("Forged."))
            #expect(try String(contentsOfFile: entry, encoding: .utf8) == intact)
        }
        #expect(setup.starts == 4)
    }

    @Test("a cache that cannot be written never fails a run: plugin list says so in a note")
    func unwritableCache() throws {
        let setup = try Setup()
        // XDG_CACHE_HOME names a file, so no folder can be made under it.
        let file = try setup.directory.write("not-a-folder", "")
        let listed = try setup.tacet(["plugin", "list"], cacheHome: file)
        #expect(listed.status == 0, "\(listed.stdout) \(listed.stderr)")
        #expect(listed.stdout.contains("counted/rule (info): Counted."))
        #expect(listed.stdout.contains("\nnote: describe answers could not be cached (\(file)/tacet: cannot create the folder: Not a directory)\n"))
        let paths = try PluginCommandTests.smallCheck(in: setup.directory)
        let checked = try setup.tacet(["check"] + paths, cacheHome: file)
        #expect(checked.status == 0, "\(checked.stdout) \(checked.stderr)")
        #expect(!checked.stdout.contains("cached"))
        #expect(setup.starts == 2)
    }
}
