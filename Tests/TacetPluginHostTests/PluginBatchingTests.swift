import Testing
import TacetDocuments
import TacetPluginHost

/// The batching rule of protocol 2: how many calls, which documents together, and each call's bounds.
@Suite struct PluginBatchingTests {
    @Test func slotsAreSharedOutAmongBatchingPlugins() {
        #expect(PluginBatching.batchCount(jobs: 2, plugins: 2, documents: 2_000) == 1)
        #expect(PluginBatching.batchCount(jobs: 2, plugins: 1, documents: 2_000) == 2)
        #expect(PluginBatching.batchCount(jobs: 8, plugins: 3, documents: 2_000) == 3)
        #expect(PluginBatching.batchCount(jobs: 8, plugins: 1, documents: 3) == 3)
        #expect(PluginBatching.batchCount(jobs: 4, plugins: 1, documents: 0) == 0)
    }

    func documents(_ sizes: [Int]) throws -> [EncodedDocument] {
        let fixture = PluginFixture()
        let document = try fixture.document()
        return sizes.map { EncodedDocument(document: document, head: [], content: [UInt8](repeating: 0x20, count: $0), policy: nil) }
    }

    @Test func batchesAreBalancedByBytesInOrder() throws {
        let split = PluginBatching.split(try documents([100, 100, 100, 100, 400]), into: 2)
        #expect(split.map(\.count) == [4, 1])
        #expect(PluginBatching.split(try documents(Array(repeating: 10, count: 7)), into: 3).map(\.count) == [3, 2, 2])
    }

    @Test func aBatchNeverPassesTheCaps() throws {
        let many = PluginBatching.split(try documents(Array(repeating: 1, count: 1_201)), into: 1)
        #expect(many.map(\.count) == [401, 400, 400])
        let big = PluginBatching.maxRequestBytes / 2
        let large = PluginBatching.split(try documents([big, big, big, 10]), into: 1)
        #expect(large.allSatisfy { $0.reduce(0) { $0 + $1.byteCount } <= PluginBatching.maxRequestBytes })
        #expect(large.map(\.count).reduce(0, +) == 4)
        // A document larger than the cap on its own still goes, alone.
        #expect(PluginBatching.split(try documents([PluginBatching.maxRequestBytes + 1, 5]), into: 1).map(\.count) == [1, 1])
    }

    @Test func theTimeoutGrowsWithTheBatchButStaysBounded() {
        #expect(PluginBatching.timeout(10, documents: 1) == 10)
        #expect(PluginBatching.timeout(10, documents: 11) == 20)
        #expect(PluginBatching.timeout(10, documents: 500) == 100)
        #expect(PluginBatching.timeout(100, documents: 500) == 600)
        #expect(PluginBatching.timeout(600, documents: 2) == 600)
        #expect(PluginBatching.timeout(1, documents: 3) == 1.2)
    }

    @Test func theOutputCapGrowsWithTheBatchUpToFourTimes() {
        #expect(PluginBatching.outputCap(16 << 20, documents: 1) == 16 << 20)
        #expect(PluginBatching.outputCap(16 << 20, documents: 2) == 17 << 20)
        #expect(PluginBatching.outputCap(16 << 20, documents: 500) == 64 << 20)
    }
}
