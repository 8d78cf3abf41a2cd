/// How protocol 2 calls are cut and bounded (docs/plugin-protocol.md, "Protocol 2"): how many batches a
/// plugin's documents make, which documents go together, and the timeout and output cap of one call.
public enum PluginBatching {
    /// Most documents in one request: bounds one call's work, its answer and how long a hang holds a slot.
    public static let maxDocuments = 500

    /// Most request bytes in one call (16 MiB, the host's limit on one input file): what any plugin reading
    /// its whole request into memory can take. A single document larger than this goes alone, no larger
    /// than its protocol 1 request would be.
    public static let maxRequestBytes = 16 << 20

    /// How many batches each of `plugins` protocol 2 plugins gets for `documents` documents with `jobs`
    /// process slots: the slots shared out evenly (`ceil(jobs / plugins)`), so that all plugins together
    /// fill the slots with one process per slot and no more; never more batches than documents.
    public static func batchCount(jobs: Int, plugins: Int, documents: Int) -> Int {
        guard documents > 0 else { return 0 }
        let share = (max(1, jobs) + max(1, plugins) - 1) / max(1, plugins)
        return min(documents, max(1, share))
    }

    /// `documents` in order, cut into as few batches as both `count` and the caps allow, balanced by request
    /// bytes: `max(count, m)` batches (at most one per document), where m is the fewest that keep every batch
    /// within ``maxDocuments`` and ``maxRequestBytes``. Each cut is made where the batch first reaches its
    /// share of the bytes still to send (what remains divided by the batches left), moved only as far as
    /// needed for the caps to hold and for what remains to fit in the batches left; so a cap never adds a
    /// batch by pushing the cuts out of step (2,000 documents under the 500-document cap make 4, not 5).
    public static func split(_ documents: [EncodedDocument], into count: Int) -> [[EncodedDocument]] {
        ranges(documents.map(\.byteCount), into: count).map { Array(documents[$0]) }
    }

    /// The batches ``split(_:into:)`` makes of documents of `sizes` request bytes, as ranges of their indices:
    /// what a streaming check plans its batches by before the documents are loaded (from their files' sizes).
    public static func ranges(_ sizes: [Int], into count: Int) -> [Range<Int>] {
        let total = sizes.count
        guard total > 0 else { return [] }
        var before = [0]  // before[i]: the bytes of documents[..<i]
        before.reserveCapacity(total + 1)
        for size in sizes { before.append(before[before.count - 1] + size) }
        func bytes(_ from: Int, _ to: Int) -> Int { before[to] - before[from] }
        // reach[i]: the end of the largest batch starting at i within the caps (at least i + 1: a document
        // over the byte cap goes alone). Moves forward with i, so two pointers find every one.
        var reach = [Int](repeating: total, count: total)
        var end = 0
        for start in 0..<total {
            end = max(end, start + 1)
            while end < total, end - start < maxDocuments, bytes(start, end + 1) <= maxRequestBytes { end += 1 }
            reach[start] = end
        }
        // fewest[i]: the fewest batches documents[i...] need (greedy, longest first, is optimal); never
        // grows with i.
        var fewest = [Int](repeating: 0, count: total + 1)
        for start in stride(from: total - 1, through: 0, by: -1) { fewest[start] = 1 + fewest[reach[start]] }
        var left = min(total, max(count, fewest[0]))
        var batches: [Range<Int>] = []
        batches.reserveCapacity(left)
        var start = 0
        while left > 1 {
            // The cuts that keep this batch within the caps, leave the rest able to fit in `left - 1`
            // batches and leave each of them a document. Never empty: `reach[start]` itself keeps the caps
            // and the rest fits (fewest[start] <= left), and documents remain for each batch (total - start >= left).
            let last = min(reach[start], total - left + 1)
            var first = start + 1
            while first < last, fewest[first] > left - 1 { first += 1 }
            let share = Double(bytes(start, total)) / Double(left)
            var cut = first
            while cut < last, Double(bytes(start, cut)) < share { cut += 1 }
            batches.append(start..<cut)
            start = cut
            left -= 1
        }
        batches.append(start..<total)
        return batches
    }

    /// The timeout of a call of `documents` documents for a manifest's per-call `timeout` t: t for one
    /// document, plus a tenth of t for each further one, at most ten times t and at most 600 s (the
    /// largest timeout a manifest may set), never less than t; rounded to a tenth of a second. A batch of
    /// 11 documents gets 2t; a plugin that hangs on a batch is stopped within 10t.
    public static func timeout(_ timeout: Double, documents: Int) -> Double {
        let scaled = timeout * (1 + Double(max(0, documents - 1)) / 10)
        let bounded = max(timeout, min(scaled, 10 * timeout, 600))
        return (bounded * 10).rounded() / 10
    }

    /// The standard output cap of a call of `documents` documents for the per-call cap `cap`: the cap plus
    /// a sixteenth of it per further document, at most four times the cap (16 MiB: 17 MiB for two
    /// documents, 64 MiB from 49). Standard error keeps its cap: only its first lines are ever quoted.
    public static func outputCap(_ cap: Int, documents: Int) -> Int {
        min(4 * cap, cap + max(0, documents - 1) * (cap / 16))
    }
}
