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
