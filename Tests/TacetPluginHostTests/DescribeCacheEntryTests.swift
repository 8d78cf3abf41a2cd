import Foundation
import Testing
import TacetPluginHost
import TacetTestSupport

/// What the describe cache hands back: only an intact entry that follows the describe schema, and nothing
/// when asked to refresh.
@Suite struct DescribeCacheEntryTests {
    static let valid = Array(#"{"name":"p","version":"1.0.0","protocols":[1,2],"kinds":["Workflow"],"rules":[]}"#.utf8)

    @Test func anIntactValidEntryIsReadBack() throws {
        let directory = try TemporaryDirectory()
        let cache = DescribeCache(directory: directory.path + "/tacet")
        #expect(cache.answer(for: "k") == nil)
        cache.store(Self.valid, for: "k")
        #expect(cache.answer(for: "k") == Self.valid)
        #expect(cache.writeProblem == nil)
        #expect(DescribeCache(directory: directory.path + "/tacet", mode: .refresh).answer(for: "k") == nil)
    }

    @Test func anEntryWhoseAnswerBreaksTheDescribeSchemaIsNotTrustedEvenWithItsDigestRight() throws {
        let directory = try TemporaryDirectory()
        let cache = DescribeCache(directory: directory.path + "/tacet")
        let broken = Array(#"{"name":"P","version":"1","protocols":[],"kinds":["Novel"],"rules":[]}"#.utf8)
        #expect(!cache.accepts(broken))
        cache.store(broken, for: "k")
        #expect(cache.answer(for: "k") == nil)
        // A FIFO in place of an entry is passed over, not opened (which would wait for a writer forever).
        #expect(mkfifo(directory.path + "/tacet/describe-fifo", 0o600) == 0)
        #expect(cache.answer(for: "fifo") == nil)
    }

    /// Sets the modification time of `path` to `age` seconds ago.
    static func age(_ path: String, by age: Double) {
        let then = Date().timeIntervalSince1970 - age
        var times = [timespec(tv_sec: Int(then), tv_nsec: 0), timespec(tv_sec: Int(then), tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    @Test func writingAnEntryRemovesEntriesUnusedForThirtyDaysButNotOthers() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path + "/tacet"
        let cache = DescribeCache(directory: folder)
        cache.store(Self.valid, for: "old")
        cache.store(Self.valid, for: "recent")
        cache.store(Self.valid, for: "read")
        try directory.write("tacet/notes.txt", "not an entry")
        Self.age(folder + "/describe-old", by: DescribeCache.maxAge + 3_600)
        Self.age(folder + "/describe-recent", by: DescribeCache.maxAge - 3_600)
        Self.age(folder + "/describe-read", by: DescribeCache.maxAge + 3_600)
        Self.age(folder + "/notes.txt", by: DescribeCache.maxAge + 3_600)
        // Reading an entry counts as using it: it survives the next write.
        #expect(cache.answer(for: "read") == Self.valid)
        cache.store(Self.valid, for: "new")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(left == ["describe-recent", "describe-read", "describe-new", "notes.txt"])
        #expect(cache.writeProblem == nil)
    }

    @Test func writingAnEntryKeepsOnlyTheMostRecentlyUsedHundred() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.path + "/tacet"
        let cache = DescribeCache(directory: folder)
        for index in 0..<(DescribeCache.maxEntries + 4) {
            cache.store(Self.valid, for: "k\(index)")
            // Entry k0 is the least recently used, k103 the most.
            Self.age(folder + "/describe-k\(index)", by: Double(DescribeCache.maxEntries + 10 - index) * 60)
        }
        cache.store(Self.valid, for: "last")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(left.count == DescribeCache.maxEntries)
        #expect(left.contains("describe-last") && left.contains("describe-k103"))
        #expect((0..<5).allSatisfy { !left.contains("describe-k\($0)") })
        #expect(left.contains("describe-k5"))
    }

    @Test func aFolderThatCannotBeListedOrPrunedFailsNothing() throws {
        let directory = try TemporaryDirectory()
        // The cache folder is a file: nothing can be written, listed or removed, and no call throws.
        try directory.write("tacet", "a file")
        let cache = DescribeCache(directory: directory.path + "/tacet")
        cache.prune()
        cache.store(Self.valid, for: "k")
        #expect(cache.answer(for: "k") == nil)
        #expect(cache.writeProblem != nil)
    }

    @Test func theFolderFollowsXDGCacheHomeThenHome() {
        #expect(DescribeCache.directory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]) == "/x/cache/tacet")
        // A relative XDG_CACHE_HOME is ignored, as the XDG base directory specification says.
        #expect(DescribeCache.directory(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/home/u"]) == "/home/u/.cache/tacet")
        #expect(DescribeCache.directory(environment: [:]) == nil)
    }

    @Test func aRunTheCacheDescribesStartsOnlyItsCheckCalls() async throws {
        let fixture = PluginFixture()
        try fixture.plugin("cached", check: #"cat >/dev/null; printf '%s' '{"findings":[]}'"#)
        let document = try fixture.document()
        var options = PluginFixture.options
        options.describeCache = DescribeCache(directory: fixture.directory.path + "/cache")
        let first = await fixture.run(document, options: options).1
        let second = await fixture.run(document, options: options).1
        #expect(first.processes == 2)
        #expect(second.processes == 1)
        #expect(second.failures.isEmpty)
        #expect(second.described.map(\.plugin.name) == ["cached"])
    }
}
