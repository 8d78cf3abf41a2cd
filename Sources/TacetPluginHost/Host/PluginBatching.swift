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

    /// `documents` in order, cut into about `count` batches of balanced size (by request bytes), then
    /// cut further wherever a batch would pass ``maxDocuments`` or ``maxRequestBytes``.
    public static func split(_ documents: [EncodedDocument], into count: Int) -> [[EncodedDocument]] {
        guard !documents.isEmpty else { return [] }
        let total = documents.reduce(0) { $0 + $1.byteCount }
        let wanted = max(1, min(documents.count, max(count, (documents.count + maxDocuments - 1) / maxDocuments,
                                                        (total + maxRequestBytes - 1) / maxRequestBytes)))
        let share = Double(total) / Double(wanted)
        var batches: [[EncodedDocument]] = []
        var current: [EncodedDocument] = []
        var currentBytes = 0
        var done = 0
        for document in documents {
            let full = current.count == maxDocuments || currentBytes + document.byteCount > maxRequestBytes
            // Cut when this batch has its share of the bytes; the last batch takes what is left.
            let shareReached = batches.count + 1 < wanted && Double(done) >= share * Double(batches.count + 1)
            if !current.isEmpty, full || shareReached {
                batches.append(current)
                current = []
                currentBytes = 0
            }
            current.append(document)
            currentBytes += document.byteCount
            done += document.byteCount
        }
        if !current.isEmpty { batches.append(current) }
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
