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

    /// The bytes of each batch.
    static func bytes(_ batches: [[EncodedDocument]]) -> [Int] { batches.map { $0.reduce(0) { $0 + $1.byteCount } } }

    @Test func theDocumentCapAddsNoBatchBeyondTheFewestItNeeds() throws {
        // 2,000 documents of uneven sizes: byte-balanced cuts drifting against the 500-document cap made 5.
        let sizes = (0..<2_000).map { 200 + ($0 * 7919) % 1_300 + ($0 < 300 ? 3_000 : 0) }
        let documents = try documents(sizes)
        for count in [1, 2, 3, 4] {
            let split = PluginBatching.split(documents, into: count)
            #expect(split.map(\.count) == [500, 500, 500, 500], "into \(count)")
        }
        // More slots than the cap needs: exactly as many batches, none over the cap, in order, balanced.
        let six = PluginBatching.split(documents, into: 6)
        #expect(six.count == 6)
        #expect(six.allSatisfy { $0.count <= PluginBatching.maxDocuments })
        #expect(six.joined().map(\.content.count) == sizes)
        let byteCounts = Self.bytes(six)
        let share = byteCounts.reduce(0, +) / 6
        // Each cut overshoots its share by less than a document (at most 4,515 bytes here), which the later
        // shares absorb: every batch within three documents' bytes of an even share.
        #expect(byteCounts.allSatisfy { abs($0 - share) <= 3 * 4_515 }, "\(byteCounts), share \(share)")
        #expect(PluginBatching.split(try self.documents(Array(repeating: 1, count: 1_001)), into: 1).map(\.count) == [334, 334, 333])
        #expect(PluginBatching.split(try self.documents(Array(repeating: 1, count: 1_000)), into: 1).map(\.count) == [500, 500])
        #expect(PluginBatching.split(try self.documents(Array(repeating: 1, count: 3)), into: 5).map(\.count) == [1, 1, 1])
    }

    @Test func theByteCapAddsNoBatchBeyondTheFewestItNeeds() throws {
        // Two documents fill a request exactly: five make three batches, whatever fewer the slots ask for.
        let half = PluginBatching.maxRequestBytes / 2 - 16
        let documents = try documents([half, half, half, half, half])
        #expect(documents[0].byteCount * 2 == PluginBatching.maxRequestBytes)
        #expect(PluginBatching.split(documents, into: 1).map(\.count) == [2, 2, 1])
        #expect(PluginBatching.split(documents, into: 4).map(\.count) == [2, 1, 1, 1])
        // A small document after a large one joins the batch with room, not a batch of its own.
        let mixed = try self.documents([half, 10, half, 10, half])
        #expect(PluginBatching.split(mixed, into: 1).count == 3)
        #expect(Self.bytes(PluginBatching.split(mixed, into: 1)).allSatisfy { $0 <= PluginBatching.maxRequestBytes })
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
